package org.percuss.controller.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.UserDirs;
import org.percuss.controller.keys.TerminalKeys;
import org.percuss.controller.live.KeyControl;
import org.percuss.controller.live.LiveControl;
import org.percuss.controller.live.LiveSession;
import org.percuss.controller.live.SessionEnd;
import org.percuss.controller.live.SessionInfo;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.text.Echo;
import org.percuss.controller.web.WebAddress;
import org.percuss.controller.web.WebServer;
import org.percuss.controller.web.WebToken;
import org.percuss.device.time.Scheduler;
import org.percuss.device.time.Ticker;

/**
 * The live controls of {@code percuss run}, wired: the keys on a terminal, the web page with
 * {@code --web}, or neither (in a pipe without {@code --web} nothing changes). Owns their
 * lifetimes: the web server listens before the device is opened (an address in use is a usage
 * error, and nothing has started), the terminal is raw only while the session runs, and after the
 * session, if a page followed it, the page keeps its summary and plot for {@code --web-linger}
 * unless the user quit.
 *
 * <p>With live controls a latched safety stop does not end the session: someone at the controls
 * can clear it and start again, or quit ({@code q}, Ctrl-C, a signal, the page's Finish). Quitting
 * ends the session and skips the linger.
 */
final class LiveControls implements AutoCloseable {

    private final boolean keysWanted;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Scheduler scheduler;
    private final Duration linger;
    private final LiveSession session;
    private final LiveControl control;
    private final AtomicBoolean quit = new AtomicBoolean();
    private final CountDownLatch lingerOver = new CountDownLatch(1);
    private WebServer web;
    private String pageUrl;
    private KeyControl keyControl;
    private TerminalKeys keys;
    private boolean ended;
    private PrintStream originalErr;

    private LiveControls(boolean keysWanted, Duration linger, PrintWriter out, PrintWriter err, Scheduler scheduler) {
        this.keysWanted = keysWanted;
        this.linger = linger;
        this.out = out;
        this.err = err;
        this.scheduler = scheduler;
        this.session = keysWanted || linger != null ? new LiveSession() : null;
        this.control = session == null ? null : new LiveControl(session);
    }

    /**
     * The live controls the options and the terminal call for, the web server listening already.
     *
     * @param interactive whether standard input and output are a terminal (keys)
     * @throws IllegalArgumentException when {@code --web}'s value is not an address, saying why
     * @throws IllegalStateException when the address cannot be listened on
     * @throws FileProblem when the token file cannot be used
     */
    static LiveControls open(WebOptions options, boolean interactive, PercussConfig config, PrintWriter out,
                             PrintWriter err, Scheduler scheduler) throws FileProblem {
        boolean webWanted = options != null && options.address != null;
        Duration linger = !webWanted ? null : options.linger != null ? options.linger : WebOptions.DEFAULT_LINGER;
        LiveControls c = new LiveControls(interactive, linger, out, err, scheduler);
        if (webWanted) {
            c.startWeb(WebAddress.parse(options.address), config);
        }
        return c;
    }

    private void startWeb(WebAddress address, PercussConfig config) throws FileProblem {
        WebToken token = null;
        if (!address.loopback()) {
            Path file = UserDirs.current().webTokenPath();
            if (file == null) {
                throw new FileProblem("--web: no home directory to keep the token in (HOME is not set); set HOME or"
                        + " XDG_STATE_HOME, or listen on 127.0.0.1");
            }
            token = WebToken.loadOrCreate(file);
        }
        web = WebServer.start(address, token, session, control, new SessionPlotWriter(config, "percuss run"), scheduler,
                this::log, this::endLinger);
        String shown = address.wildcard() ? thisMachine() : address.urlHost();
        pageUrl = web.url(shown);
        if (token == null) {
            out.println("web: " + pageUrl + " (this machine only)");
        } else if (token.created()) {
            out.println("web: " + pageUrl + "#token=" + token.value());
            out.println("web: that address holds a new token, shown this once; it is kept in "
                    + Echo.value(token.file().toString()) + " (delete the file to revoke it)");
        } else {
            out.println("web: " + pageUrl + " (add #token=... from " + Echo.value(token.file().toString()) + ")");
        }
        out.flush();
    }

    /** Whether any live control is on. */
    boolean active() {
        return session != null;
    }

    /** The listener the loop gets: {@code reporter}, and the live session beside it. */
    LoopListener listener(LoopListener reporter) {
        if (session == null) {
            return reporter;
        }
        return new LoopListener() {
            @Override
            public void stateChanged(LoopState from, LoopState to, String why) {
                reporter.stateChanged(from, to, why);
                session.stateChanged(from, to, why);
            }

            @Override
            public void warning(String message) {
                reporter.warning(message);
                session.warning(message);
            }

            @Override
            public void safetyEvent(String message) {
                reporter.safetyEvent(message);
                session.safetyEvent(message);
            }
        };
    }

    /**
     * Follows {@code loop}, before its first tick; on a terminal, puts it in raw mode and shows the
     * key legend under {@code reporter}'s status line. Signals caught by {@code interrupts} quit.
     */
    void attach(ControlLoop loop, PercussConfig config, String zone, long zoneLeftNanos, StatusReporter reporter,
                Interrupts interrupts) {
        if (session == null) {
            return;
        }
        session.attach(loop, SessionInfo.of(loop, config, zone), zone, zoneLeftNanos);
        if (interrupts != null) {
            interrupts.alsoOnSignal(this::quit);
        }
        if (keysWanted) {
            keyControl = new KeyControl(control, this::quit, Ticker.system());
            keys = TerminalKeys.open(keyControl, err);
            if (keys != null) {
                reporter.footer(keyControl::footer, keys::width);
                // a log line (a safety stop's, on standard error) clears the two live lines first
                originalErr = System.err;
                System.setErr(new PrintStream(new FilterOutputStream(originalErr) {
                    @Override
                    public void write(int b) throws IOException {
                        reporter.makeRoom();
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        reporter.makeRoom();
                        out.write(b, off, len);
                    }
                }, true, Charset.defaultCharset()));
                if (interrupts != null) {
                    interrupts.beforeHalt(keys::restore);
                }
            }
        }
    }

    /** Call right before each control tick. */
    void beforeTick() {
        if (session != null) {
            session.beforeTick();
        }
    }

    /** Call after each control tick. */
    void afterTick() {
        if (session != null) {
            session.afterTick();
        }
    }

    /** Whether the session is over: finished; without live controls, a latched safety stop too. */
    boolean sessionOver(ControlLoop loop) {
        return session == null ? loop.stopped() : loop.state() == LoopState.FINISHED;
    }

    /** The session has ended so: the page shows it. */
    void ended(SessionEnd end) {
        if (session != null) {
            session.end(end);
            ended = true;
        }
    }

    /** q, Ctrl-C, Ctrl-\ or a signal: end the session, and what follows it. */
    private void quit() {
        quit.set(true);
        if (control != null) {
            control.finish();
        }
        endLinger();
    }

    private void endLinger() {
        lingerOver.countDown();
    }

    private void log(String line) {
        err.println(Echo.line(line));
        err.flush();
    }

    /**
     * After the session: the page lingers if one followed the session and the user did not quit;
     * then the server stops and the terminal is given back.
     */
    @Override
    public void close() {
        try {
            if (web != null && ended && !quit.get() && !linger.isZero() && web.followed()) {
                out.println("web: the session is over; its summary and plot stay at " + pageUrl + " for "
                        + DurationConverter.format(linger) + (keys != null ? " (q ends it now)" : " (Ctrl-C ends it now)"));
                out.flush();
                Scheduler.Cancellable timeout = scheduler.schedule(linger, lingerOver::countDown);
                try {
                    lingerOver.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    timeout.cancel();
                }
            }
        } finally {
            if (originalErr != null) {
                System.setErr(originalErr);
            }
            if (keys != null) {
                keys.close();
            }
            if (web != null) {
                web.close();
            }
        }
    }

    /** An address of this machine to show for 0.0.0.0: its first IPv4 address that is up and not loopback. */
    private static String thisMachine() {
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp() || n.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through
        }
        return "THIS-MACHINE";
    }
}
