package org.percuss.controller.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.percuss.controller.live.LiveControl;
import org.percuss.controller.live.LiveSession;
import org.percuss.controller.live.SessionPlot;
import org.percuss.controller.text.Echo;
import org.percuss.device.time.Scheduler;

/**
 * The HTTP server of {@code percuss run --web}: one page, its scripts (uPlot from its WebJar, in
 * the jar), and the API of docs/web.md. Requests go through {@link RequestGuard} first, then to
 * {@link LiveControl}; answers are JSON ({@code {"ok": true, "message": ...}}, or
 * {@code {"ok": false, "error": ...}} with 400 for a bad body, 401 for a missing or wrong token,
 * 403 for a cross-site request, 409 for a request a rule of the session refuses).
 *
 * <p>This class owns the server: its routes, the guard in front of them, its lifecycle; the API's
 * handlers are {@link SessionApi}'s, the event stream {@link EventStream}'s. The session never waits
 * for the server: handlers read what {@link LiveSession} published and pass requests on through the
 * loop's thread-safe request methods. A server that stops on its
 * own is told in one line; the session goes on without it.
 */
public final class WebServer implements AutoCloseable {

    /** Events per second on {@code /api/events}. */
    static final Duration EVENT_PERIOD = Duration.ofMillis(50);
    private static final int MAX_EVENT_CLIENTS = 8;
    static final int MAX_BODY = 1024;
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final WebAddress address;
    private final RequestGuard guard;
    private final Consumer<String> log;
    private final EventStream events;
    private final Javalin app;
    private volatile boolean started;
    private volatile boolean stopping;

    private WebServer(WebAddress address, WebToken token, LiveSession session, LiveControl control, SessionPlot plot,
                      Scheduler scheduler, Consumer<String> log, Runnable quit) {
        this.address = address;
        this.guard = new RequestGuard(address, token);
        this.log = log;
        SessionApi api = new SessionApi(session, control, plot, quit);
        this.events = new EventStream(session, control, scheduler, EVENT_PERIOD, MAX_EVENT_CLIENTS);
        Page page = new Page();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = MAX_BODY;
            QueuedThreadPool threads = new QueuedThreadPool(32, 4);
            threads.setName("percuss-web");
            threads.setDaemon(true);
            config.jetty.threadPool = threads;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(0); // the event streams are ended first; nothing else lasts
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStopped(LifeCycle event) {
                        lost("stopped");
                    }

                    @Override
                    public void lifeCycleFailure(LifeCycle event, Throwable cause) {
                        lost("failed: " + cause.getMessage());
                    }
                });
            });
            config.routes.before(this::guard);
            config.routes.get("/", ctx -> page.serve(ctx, "index.html", "text/html;charset=utf-8"));
            config.routes.get("/app.js", ctx -> page.serve(ctx, "app.js", "text/javascript;charset=utf-8"));
            config.routes.get("/app.css", ctx -> page.serve(ctx, "app.css", "text/css;charset=utf-8"));
            config.routes.get("/uplot.js", ctx -> page.serve(ctx, "uplot.js", "text/javascript;charset=utf-8"));
            config.routes.get("/uplot.css", ctx -> page.serve(ctx, "uplot.css", "text/css;charset=utf-8"));
            config.routes.get("/api/state", api::state);
            config.routes.get("/api/events", events);
            config.routes.get("/api/summary", api::summary);
            config.routes.get("/api/plot.png", api::plot);
            config.routes.post("/api/start", ctx -> SessionApi.answer(ctx, control::start));
            config.routes.post("/api/pause", ctx -> SessionApi.answer(ctx, control::pause));
            config.routes.post("/api/emergency-stop", ctx -> SessionApi.answer(ctx, control::emergencyStop));
            config.routes.post("/api/clear", ctx -> SessionApi.answer(ctx, control::clearFaults));
            config.routes.post("/api/finish", api::finish);
            config.routes.post("/api/level", api::level);
            config.routes.error(404, ctx -> SessionApi.json(ctx, 404, StateJson.error("no such page or call: " + ctx.method() + " "
                    + Echo.value(ctx.path()) + " (the API is in docs/web.md)")));
            config.routes.error(405, ctx -> SessionApi.json(ctx, 405, StateJson.error("method not allowed: " + ctx.method())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.accept("web: " + ctx.method() + " " + Echo.value(ctx.path()) + " failed: " + e);
                SessionApi.json(ctx, 500, StateJson.error("internal error; the session goes on"));
            });
        });
    }

    /**
     * Starts serving on {@code address}: with {@code token} unless the address is loopback.
     *
     * @param scheduler paces the server-sent events
     * @param log where the server's one-line complaints go
     * @param quit run when {@code POST /api/finish} comes after the session is over (the page is done)
     * @throws IllegalStateException when the address cannot be listened on, saying why
     */
    public static WebServer start(WebAddress address, WebToken token, LiveSession session, LiveControl control,
                                  SessionPlot plot, Scheduler scheduler, Consumer<String> log, Runnable quit) {
        if (!address.loopback() && token == null) {
            throw new IllegalArgumentException("a token is needed on " + address.host());
        }
        WebServer server = new WebServer(address, token, session, control, plot, scheduler, log, quit);
        try {
            server.app.start(address.host(), address.port());
        } catch (RuntimeException e) {
            server.stopping = true;
            server.app.stop();
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root instanceof java.net.BindException ? "the address is in use or not this machine's ("
                    + root.getMessage() + ")" : String.valueOf(root.getMessage());
            throw new IllegalStateException("cannot listen on " + address.urlHost() + ":" + address.port() + ": " + why, e);
        }
        server.guard.boundTo(server.app.port());
        server.events.start();
        server.started = true;
        return server;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** The page's address, {@code http://HOST:PORT/} (for 0.0.0.0, {@code shown} stands for the host). */
    public String url(String shown) {
        return "http://" + shown + ":" + port() + "/";
    }

    /** The address listened on. */
    public WebAddress address() {
        return address;
    }

    /** How many pages follow the session's events now. */
    public int eventClients() {
        return events.clients();
    }

    /** Whether a page (or any client of {@code /api/events}) has followed the session. */
    public boolean followed() {
        return events.everFollowed();
    }

    /** Stops the server: the event streams end, then Jetty. */
    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        events.close();
        try {
            app.stop();
        } catch (RuntimeException e) {
            log.accept("web: the server did not stop cleanly: " + e.getMessage());
        }
    }

    private void lost(String how) {
        if (started && !stopping) {
            stopping = true;
            events.close();
            log.accept("web: the server " + how + "; the session goes on without it");
        }
    }

    // ---- handlers ------------------------------------------------------------------------------

    private void guard(Context ctx) {
        String path = ctx.path();
        boolean changing = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        RequestGuard.Refusal r = guard.check(changing, path.startsWith("/api/"), ctx.header("Host"), ctx.header("Origin"),
                ctx.header("Sec-Fetch-Site"), ctx.header("Authorization"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", CSP);
        if (r != null) {
            if (r.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"percuss\"");
            }
            SessionApi.json(ctx, r.status(), StateJson.error(r.message()));
            ctx.skipRemainingHandlers();
        }
    }

    /** The page's files, read from the jar once. */
    private static final class Page {
        private final Map<String, byte[]> files = new HashMap<>();

        Page() {
            files.put("index.html", read("index.html"));
            files.put("app.js", read("app.js"));
            files.put("app.css", read("app.css"));
            files.put("uplot.js", resource(UPLOT + "uPlot.iife.min.js"));
            files.put("uplot.css", resource(UPLOT + "uPlot.min.css"));
        }

        void serve(Context ctx, String name, String type) {
            ctx.status(200).contentType(type).result(files.get(name));
        }

        private static byte[] read(String name) {
            return resource("/org/percuss/controller/web/" + name);
        }

        private static byte[] resource(String path) {
            try (InputStream in = WebServer.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("the page's file " + path + " is missing from the jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The Jetty server underneath (for a test that stops it, as a crash would). */
    Server jetty() {
        return app.jettyServer().server();
    }
}
