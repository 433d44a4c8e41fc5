package org.percuss.controller.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;
import org.percuss.controller.live.LiveControl;
import org.percuss.controller.live.LiveSession;
import org.percuss.controller.live.LiveState;
import org.percuss.controller.live.Outcome;
import org.percuss.controller.live.SessionPlot;
import org.percuss.controller.text.Echo;

/**
 * The handlers of the API of docs/web.md, behind {@link RequestGuard}: the state, the summary and
 * the plot read what {@link LiveSession} published; the requests go to {@link LiveControl} and are
 * answered with its {@link Outcome} (200 done, 409 refused by a rule of the session, 400 invalid).
 * Every answer is JSON, {@code {"ok": true, "message": ...}} or {@code {"ok": false, "error": ...}}.
 */
final class SessionApi {

    private static final String PNG = "image/png";

    private final LiveSession session;
    private final LiveControl control;
    private final SessionPlot plot;
    private final Runnable quit;
    private byte[] finalPlot;

    /**
     * @param plot draws the whole session's plot, once it is over
     * @param quit run when {@code POST /api/finish} comes after the session is over (the page is done)
     */
    SessionApi(LiveSession session, LiveControl control, SessionPlot plot, Runnable quit) {
        this.session = session;
        this.control = control;
        this.plot = plot;
        this.quit = quit;
    }

    /** {@code GET /api/state}: the latest state, with what a request would be refused for; 503 before the first. */
    void state(Context ctx) {
        LiveState s = session.state();
        if (s == null) {
            json(ctx, 503, StateJson.error("the session is starting"));
            return;
        }
        json(ctx, 200, StateJson.state(s, control.refusals(s)));
    }

    /** {@code GET /api/summary}: the session's end; 409 before it. */
    void summary(Context ctx) {
        LiveState s = session.state();
        if (s == null || s.end() == null) {
            json(ctx, 409, StateJson.error("the session is not over yet"));
            return;
        }
        json(ctx, 200, StateJson.end(s.end()));
    }

    /** {@code GET /api/plot.png}: the whole session's plot, drawn once when it is over; 409 before. */
    void plot(Context ctx) throws IOException {
        LiveState s = session.state();
        if (s == null || s.end() == null) {
            json(ctx, 409, StateJson.error("the plot of the whole session is drawn when the session is over"));
            return;
        }
        byte[] png;
        synchronized (this) {
            if (finalPlot == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                plot.write(out, session.history());
                finalPlot = out.toByteArray();
            }
            png = finalPlot;
        }
        ctx.status(200).contentType(PNG);
        ctx.header("Content-Disposition", "attachment; filename=\"percuss-session.png\"");
        ctx.result(png);
    }

    /** {@code POST /api/finish}: ends the session; after its end, the page is done and the command quits. */
    void finish(Context ctx) {
        LiveState s = session.state();
        boolean over = s != null && s.over();
        if (!over) {
            answer(ctx, control::finish);
            return;
        }
        // The page has what it wanted of a finished session, and the command quits: the answer is
        // written and flushed here first, because the quit lets the main thread stop the server,
        // which cut an answer still waiting to be written (the page saw the connection close).
        Outcome o = control.finish();
        byte[] body = StateJson.write(StateJson.outcome(o)).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse res = ctx.res();
        res.setStatus(status(o));
        res.setContentType("application/json");
        res.setContentLength(body.length);
        try {
            res.getOutputStream().write(body);
            res.flushBuffer();
        } catch (IOException e) {
            // the page went away first: it asked for the end, and the end comes either way
        }
        quit.run();
    }

    /** {@code POST /api/level}, {@code {"level": N}} as JSON and nothing else. */
    void level(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            json(ctx, 400, StateJson.error("send the level as JSON, {\"level\": N}, with Content-Type: application/json"));
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        JsonNode node;
        try {
            node = body.length > WebServer.MAX_BODY ? null : StateJson.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.has("level") || !node.get("level").isIntegralNumber()
                || !node.get("level").canConvertToInt()) {
            json(ctx, 400, StateJson.error("the body must be {\"level\": N}, N a whole number"));
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("level")) {
                json(ctx, 400, StateJson.error("unknown field '" + Echo.value(name) + "'; the body is {\"level\": N}"));
                return;
            }
        }
        int level = node.get("level").intValue();
        answer(ctx, () -> control.selectLevel(level));
    }

    /** Passes {@code request} on and answers its outcome: 200 done, 409 refused, 400 invalid. */
    static void answer(Context ctx, Supplier<Outcome> request) {
        Outcome o = request.get();
        json(ctx, status(o), StateJson.outcome(o));
    }

    /** The HTTP status of an outcome: 200 done, 409 refused, 400 invalid. */
    private static int status(Outcome o) {
        return switch (o.kind()) {
            case DONE -> 200;
            case REFUSED -> 409;
            case INVALID -> 400;
        };
    }

    /** Answers {@code body} as JSON with {@code status}. */
    static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(StateJson.write(body));
    }
}
