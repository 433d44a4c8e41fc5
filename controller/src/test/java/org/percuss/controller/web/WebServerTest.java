package org.percuss.controller.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.live.LiveControl;
import org.percuss.controller.live.LiveSession;
import org.percuss.controller.live.SessionEnd;
import org.percuss.controller.live.SessionInfo;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopState;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * The HTTP API without a browser: Javalin on an ephemeral loopback port, a session on the simulated
 * gun ticking on a virtual clock (which also paces the server-sent events), java.net.http as the
 * client. The loop ticks only when the test advances the clock, so "on the next tick" is exact.
 */
@Timeout(60)
class WebServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "T".repeat(43);

    private final VirtualClock clock = new VirtualClock();
    private final LiveSession session = new LiveSession();
    private final LiveControl control = new LiveControl(session);
    private final ControlLoop loop;
    private final List<String> log = new ArrayList<>();
    private final AtomicInteger quits = new AtomicInteger();
    // counted down by the quit, which runs after the finish's answer is on its way to the page
    private final CountDownLatch quit = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer server;

    WebServerTest() {
        SimulatedGun gun = SimulatedGun.create(clock);
        loop = ControlLoop.builder(gun.device(), PercussConfig.DEFAULT, clock).listener(session).build();
        session.attach(loop, SessionInfo.of(loop, PercussConfig.DEFAULT, null), null, 0);
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
            session.beforeTick();
            loop.tick();
            session.afterTick();
        });
    }

    private WebServer start(WebAddress address, WebToken token) {
        server = WebServer.start(address, token, session, control, (png, history) -> png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                clock, line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                }, () -> {
                    quits.incrementAndGet();
                    quit.countDown();
                });
        return server;
    }

    private WebServer loopback() {
        return start(new WebAddress("127.0.0.1", 0, true), null);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private void runningAt(int level) throws Exception {
        assertThat(post("/api/level", "{\"level\": " + level + "}", "Content-Type", "application/json").statusCode()).isEqualTo(200);
        assertThat(post("/api/start", null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
    }

    @Nested
    class State {

        @Test
        void getStateIsTheSessionAsJson() throws Exception {
            loopback();
            clock.advance(Duration.ofMillis(10));
            HttpResponse<String> r = get("/api/state");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode s = json(r);
            assertThat(s.get("state").asText()).isEqualTo("IDLE");
            assertThat(s.get("stateLabel").asText()).isEqualTo("idle");
            assertThat(s.get("level").asInt()).isEqualTo(1);
            assertThat(s.get("limitSeconds").asDouble()).isEqualTo(900);
            assertThat(s.get("session").get("levelPpm").toString()).isEqualTo("[1200,1700,2200,2700,3200]");
            assertThat(s.get("refused").get("start").isNull()).isTrue();
            assertThat(s.get("refused").get("clear").asText()).isEqualTo("no safety stop is latched");
            assertThat(s.get("end").isNull()).isTrue();
            for (String field : List.of("tick", "elapsedSeconds", "over", "levelPpm", "targetPpm", "commandedPpm",
                    "measuredPpm", "runningSeconds", "leftSeconds", "zone", "currentAmps", "temperatureCelsius",
                    "supplyVolts", "faults", "stopMessage", "derateLevel", "tripCondition", "latchedAtTick", "clearAsked",
                    "messages")) {
                assertThat(s.has(field)).as(field).isTrue();
            }
        }

        @Test
        void thePageAndItsScriptsComeFromTheJarWithNoCookieAndAStrictPolicy() throws Exception {
            loopback();
            HttpResponse<String> page = get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("EMERGENCY STOP").contains("/uplot.js").doesNotContain("http://", "https://");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
            HttpResponse<String> uplot = get("/uplot.js");
            assertThat(uplot.statusCode()).isEqualTo(200);
            assertThat(uplot.body()).contains("uPlot");
            assertThat(get("/uplot.css").statusCode()).isEqualTo(200);
            assertThat(get("/app.js").body()).contains("/api/events");
            for (HttpResponse<String> r : List.of(page, uplot, get("/api/state"), post("/api/pause", null))) {
                assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
            }
        }

        @Test
        void nothingElseIsServedAndNothingChangesLimitsOrConfiguration() throws Exception {
            loopback();
            HttpResponse<String> config = post("/api/config", "{\"session_limit\": \"60m\"}", "Content-Type", "application/json");
            assertThat(config.statusCode()).isEqualTo(404);
            assertThat(json(config).get("error").asText()).startsWith("no such page or call: POST /api/config");
            assertThat(get("/api/limits").statusCode()).isEqualTo(404);
            assertThat(get("/../../etc/passwd").statusCode()).isIn(400, 404);
        }
    }

    @Nested
    class Requests {

        @Test
        void startAndLevelUpAnswer200WhenTheRulesAllowAnd409WithTheReasonWhenNot() throws Exception {
            loopback();
            clock.advance(Duration.ofMillis(10));
            runningAt(2);
            HttpResponse<String> again = post("/api/start", null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).get("error").asText()).isEqualTo("already running");
            assertThat(json(again).get("ok").asBoolean()).isFalse();
            HttpResponse<String> up = post("/api/level", "{\"level\": 3}", "Content-Type", "application/json");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(json(up).get("message").asText()).isEqualTo("level 3 (2200 ppm): ramping up");
            clock.advance(Duration.ofSeconds(1));
            assertThat(loop.state()).isEqualTo(LoopState.RAMPING);
            post("/api/emergency-stop", null);
            clock.advance(Duration.ofMillis(10));
            HttpResponse<String> latched = post("/api/level", "{\"level\": 4}", "Content-Type", "application/json");
            assertThat(latched.statusCode()).isEqualTo(409);
            assertThat(json(latched).get("error").asText()).endsWith("clear it first");
            assertThat(post("/api/level", "{\"level\": 1}", "Content-Type", "application/json").statusCode()).isEqualTo(200);
            assertThat(post("/api/pause", null).statusCode()).isEqualTo(200);
        }

        @Test
        void aBadBodyIs400() throws Exception {
            loopback();
            clock.advance(Duration.ofMillis(10));
            String type = "application/json";
            assertThat(post("/api/level", "{\"level\": 9}", "Content-Type", type).statusCode()).isEqualTo(400);
            assertThat(post("/api/level", "{\"level\": \"3\"}", "Content-Type", type).statusCode()).isEqualTo(400);
            assertThat(post("/api/level", "{\"level\": 2.5}", "Content-Type", type).statusCode()).isEqualTo(400);
            assertThat(post("/api/level", "[3]", "Content-Type", type).statusCode()).isEqualTo(400);
            assertThat(post("/api/level", "{\"level\": 3, \"limit\": 60}", "Content-Type", type).statusCode()).isEqualTo(400);
            assertThat(post("/api/level", "{\"level\": 3", "Content-Type", type).statusCode()).isEqualTo(400);
            assertThat(post("/api/level", "{\"level\": 3}", "Content-Type", "text/plain").statusCode()).isEqualTo(400);
            HttpResponse<String> huge = post("/api/level", "{\"level\": 3, \"x\": \"" + "y".repeat(5000) + "\"}", "Content-Type", type);
            assertThat(huge.statusCode()).isBetween(400, 413);
            clock.advance(Duration.ofMillis(20));
            assertThat(loop.level()).isEqualTo(1);
        }

        @Test
        void theEmergencyStopReachesTheLoopOnItsNextTickAndLatches() throws Exception {
            loopback();
            clock.advance(Duration.ofMillis(10));
            runningAt(3);
            HttpResponse<String> r = post("/api/emergency-stop", null);
            assertThat(r.statusCode()).isEqualTo(200);
            long takenBy = json(r).get("takenByTick").asLong();
            assertThat(takenBy).isEqualTo(session.ticksStarted() + 1);
            assertThat(loop.state()).isEqualTo(LoopState.RUNNING); // no tick yet
            clock.advance(Duration.ofMillis(10)); // exactly one tick
            assertThat(loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            assertThat(loop.commandedPpm()).isZero();
            JsonNode s = json(get("/api/state"));
            assertThat(s.get("latchedAtTick").asLong()).isEqualTo(takenBy);
            assertThat(s.get("faults").toString()).isEqualTo("[\"emergency stop\"]");
            clock.advance(Duration.ofSeconds(5));
            assertThat(loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            assertThat(post("/api/start", null).statusCode()).isEqualTo(409);
            assertThat(post("/api/clear", null).statusCode()).isEqualTo(200);
            assertThat(post("/api/start", null).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMillis(50));
            assertThat(loop.state()).isEqualTo(LoopState.WARM_UP);
            assertThat(loop.commandedPpm()).isEqualTo(1200);
        }
    }

    @Nested
    class Safety {

        private WebServer guarded() {
            // loopback underneath, but treated as any other address: the token is required
            return start(new WebAddress("127.0.0.1", 0, false), new WebToken(TOKEN, Path.of("/tmp/web-token"), false));
        }

        @Test
        void withoutTheTokenEveryCallIs401AndNothingChanges() throws Exception {
            guarded();
            clock.advance(Duration.ofMillis(10));
            for (String path : List.of("/api/start", "/api/level", "/api/emergency-stop", "/api/clear", "/api/pause", "/api/finish")) {
                HttpResponse<String> r = post(path, "{\"level\": 3}", "Content-Type", "application/json");
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"percuss\"");
                assertThat(json(r).get("error").asText()).startsWith("this server needs its token");
            }
            assertThat(post("/api/start", null, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(get("/api/state").statusCode()).isEqualTo(401);
            clock.advance(Duration.ofSeconds(2));
            assertThat(loop.state()).isEqualTo(LoopState.IDLE);
            assertThat(loop.level()).isEqualTo(1);
            assertThat(loop.stopReason()).isNull();
            assertThat(get("/").statusCode()).isEqualTo(200); // the page holds no secret
            assertThat(post("/api/start", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMillis(10));
            assertThat(loop.state()).isEqualTo(LoopState.WARM_UP);
        }

        @Test
        void aRequestFromAnotherSitesPageIs403AndNothingChanges() throws Exception {
            loopback();
            clock.advance(Duration.ofMillis(10));
            HttpResponse<String> r = post("/api/start", null, "Origin", "https://evil.example");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(post("/api/start", null, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
            clock.advance(Duration.ofSeconds(1));
            assertThat(loop.state()).isEqualTo(LoopState.IDLE);
            assertThat(post("/api/start", null, "Origin", "http://127.0.0.1:" + server.port(), "Sec-Fetch-Site",
                    "same-origin").statusCode()).isEqualTo(200);
        }

        @Test
        void onLoopbackAnotherHostNameIs403AgainstDnsRebinding() throws Exception {
            loopback();
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("GET /api/state HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertThat(status).isEqualTo("HTTP/1.1 403 Forbidden");
            }
        }
    }

    @Nested
    class Events {

        private BufferedReader open(InputStream[] keep) throws Exception {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri("/api/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            keep[0] = r.body();
            return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        }

        private JsonNode next(BufferedReader in) throws IOException {
            String event = in.readLine();
            assertThat(event).isEqualTo("event: state");
            String data = in.readLine();
            assertThat(data).startsWith("data: {");
            assertThat(in.readLine()).isEmpty();
            return JSON.readTree(data.substring(6));
        }

        @Test
        void aClientGetsTheStateAndTheNewSamplesTwentyTimesASecond() throws Exception {
            loopback();
            clock.advance(Duration.ofSeconds(5));
            InputStream[] body = new InputStream[1];
            BufferedReader in = open(body);
            JsonNode first = next(in);
            assertThat(first.get("state").asText()).isEqualTo("IDLE");
            JsonNode samples = first.get("samples");
            assertThat(samples.get("firstSeq").asLong()).isZero();
            assertThat(samples.get("t").size()).isBetween(100, 101); // the 5 s so far, 20 a second
            long next = samples.get("firstSeq").asLong() + samples.get("t").size();
            post("/api/start", null);
            int events = 0;
            for (int i = 0; i < 20; i++) { // one second of pacing
                clock.advance(WebServer.EVENT_PERIOD);
                JsonNode e = next(in);
                events++;
                assertThat(e.get("samples").get("firstSeq").asLong()).isEqualTo(next);
                next += e.get("samples").get("t").size();
            }
            assertThat(events).isEqualTo(20);
            JsonNode last = json(get("/api/state"));
            assertThat(last.get("state").asText()).isEqualTo("WARM_UP");
            body[0].close();
        }

        @Test
        void losingTheBrowserEndsItsStreamAndNothingElse() throws Exception {
            loopback();
            clock.advance(Duration.ofSeconds(1));
            post("/api/start", null);
            InputStream[] body = new InputStream[1];
            BufferedReader in = open(body);
            next(in);
            assertThat(server.eventClients()).isEqualTo(1);
            body[0].close();
            for (int i = 0; i < 10_000 && server.eventClients() > 0; i++) {
                clock.advance(WebServer.EVENT_PERIOD); // each wake-up writes; a write to a closed client ends it
                Thread.yield();
            }
            assertThat(server.eventClients()).isZero();
            assertThat(loop.state().motorOn()).isTrue();
            assertThat(loop.stopReason()).isNull();
            assertThat(log).isEmpty();
        }
    }

    @Test
    void losingTheServerSaysSoInOneLineAndTheSessionGoesOn() throws Exception {
        loopback();
        clock.advance(Duration.ofMillis(10));
        post("/api/start", null);
        clock.advance(Duration.ofSeconds(1));
        server.jetty().stop(); // as a crash would
        clock.advance(Duration.ofSeconds(15));
        assertThat(log).containsExactly("web: the server stopped; the session goes on without it");
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
        assertThat(session.state().runningSeconds()).isGreaterThan(15);
        assertThat(control.emergencyStop().ok()).isTrue(); // the keys still work
        clock.advance(Duration.ofMillis(10));
        assertThat(loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
        server.close();
        assertThat(log).hasSize(1);
    }

    @Test
    void theSummaryAndThePlotComeWhenTheSessionIsOverAndFinishThenEndsThePage() throws Exception {
        loopback();
        clock.advance(Duration.ofMillis(10));
        assertThat(get("/api/summary").statusCode()).isEqualTo(409);
        assertThat(get("/api/plot.png").statusCode()).isEqualTo(409);
        post("/api/finish", null);
        clock.advance(Duration.ofMillis(10));
        assertThat(quits).hasValue(0);
        session.end(new SessionEnd("interrupted", 0, 0, 0, 0, List.of("session summary", "  stopped:      interrupted")));
        JsonNode summary = json(get("/api/summary"));
        assertThat(summary.get("stopped").asText()).isEqualTo("interrupted");
        assertThat(summary.get("summary").get(1).asText()).isEqualTo("  stopped:      interrupted");
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(uri("/api/plot.png")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        HttpResponse<String> finished = post("/api/finish", null);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(json(finished).get("ok").asBoolean()).isTrue();
        assertThat(quit.await(10, TimeUnit.SECONDS)).as("the quit after the answer").isTrue();
        assertThat(quits).hasValue(1);
    }

    @Test
    void aBusyAddressIsRefusedSayingSo() {
        WebServer first = loopback();
        try {
            WebServer.start(new WebAddress("127.0.0.1", first.port(), true), null, session, control, (p, h) -> { }, clock,
                    log::add, () -> { });
            throw new AssertionError("a second server on the same port started");
        } catch (IllegalStateException e) {
            assertThat(e.getMessage()).startsWith("cannot listen on 127.0.0.1:" + first.port() + ": ");
        }
    }
}
