package org.percuss.controller.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.percuss.controller.live.LiveControl;
import org.percuss.controller.live.LiveSession;
import org.percuss.controller.live.LiveState;
import org.percuss.controller.live.SampleHistory;
import org.percuss.device.time.Scheduler;

/**
 * {@code GET /api/events}: server-sent events, one {@code state} event per period (20 a second),
 * each the JSON of {@code GET /api/state} plus the samples since the client's previous event (the
 * first carries the last minute, for the plot). Each client is served on its own request thread,
 * woken by one task on the scheduler, so a slow or stalled client delays only itself; a client
 * that goes away ends its thread at the next write. Nothing here can reach the control loop: it
 * reads what {@link LiveSession} published.
 */
final class EventStream implements Handler {

    private final LiveSession session;
    private final LiveControl control;
    private final Scheduler scheduler;
    private final Duration period;
    private final int maxClients;
    private final Set<Semaphore> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean everFollowed;
    private Scheduler.Cancellable pacer;

    EventStream(LiveSession session, LiveControl control, Scheduler scheduler, Duration period, int maxClients) {
        this.session = session;
        this.control = control;
        this.scheduler = scheduler;
        this.period = period;
        this.maxClients = maxClients;
    }

    /** Starts waking the clients every period. */
    void start() {
        pacer = scheduler.scheduleAtFixedRate(period, period, this::wakeAll);
    }

    private void wakeAll() {
        for (Semaphore s : clients) {
            if (s.availablePermits() == 0) {
                s.release(); // a client still writing the previous event gets one wake-up, not a backlog
            }
        }
    }

    /** Whether any client has followed the events. */
    boolean everFollowed() {
        return everFollowed;
    }

    /** How many clients are connected. */
    int clients() {
        return clients.size();
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (closed) {
            SessionApi.json(ctx, 503, StateJson.error("the server is stopping"));
            return;
        }
        if (clients.size() >= maxClients) {
            SessionApi.json(ctx, 503, StateJson.error("already " + maxClients + " pages follow this session; close one"));
            return;
        }
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        Semaphore wake = new Semaphore(0);
        clients.add(wake);
        everFollowed = true;
        try {
            long seq = 0;
            while (!closed) {
                LiveState s = session.state();
                if (s != null) {
                    SampleHistory.Chunk samples = session.history().since(seq);
                    seq = samples.nextSeq();
                    ObjectNode frame = StateJson.state(s, control.refusals(s));
                    frame.set("samples", StateJson.samples(samples));
                    out.write(("event: state\ndata: " + StateJson.write(frame) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                wake.acquire();
            }
        } catch (IOException e) {
            // the client went away: nothing to do, the session goes on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(wake);
        }
    }

    /** Ends every stream and stops the pacing. */
    void close() {
        closed = true;
        if (pacer != null) {
            pacer.cancel();
        }
        for (Semaphore s : clients) {
            s.release();
        }
    }
}
