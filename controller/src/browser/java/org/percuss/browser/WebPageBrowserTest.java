package org.percuss.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page of {@code percuss run --web} in headless Chromium, against a session on the
 * simulator at 10 times real time, step by step as a person on a phone would use it: the page
 * loads with no console errors and its values move, the plot draws, Level + ramps, the emergency
 * stop stops the motor within one tick of its request and stays latched, clear and start begin
 * again at the lowest level with a warm-up, the page fits a phone (a screenshot at 390×844 is kept
 * in target/browser), and at the end it shows the summary and offers the plot as PNG. The
 * session's trace, read after the end, confirms the ramp and the stop tick by tick.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class WebPageBrowserTest {

    static final Path ARTIFACTS = Path.of("target/browser");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private PercussSession percuss;
    private Browser browser;
    private Path trace;
    private long stopRequestedBy;
    private long latchedAt;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(ARTIFACTS);
        Path home = Files.createDirectories(ARTIFACTS.resolve("home"));
        trace = ARTIFACTS.resolve("session-trace.csv");
        Files.deleteIfExists(trace);
        percuss = PercussSession.start(Map.of("HOME", home.toAbsolutePath().toString()), "run", "--web", "127.0.0.1:0",
                "--time-scale", "10", "--trace", trace.toString(), "--web-linger", "1m");
        browser = new Browser(Files.createTempDirectory("percuss-chromium"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (percuss != null) {
                percuss.close();
                percuss.saveOutput(ARTIFACTS.resolve("session-output.txt"));
            }
        }
    }

    private WebElement el(String id) {
        return browser.driver.findElement(By.id(id));
    }

    /** Clicks {@code id} as a person would: scrolled to the middle of the screen, clear of the fixed e-stop bar. */
    private void click(String id) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", el(id));
        el(id).click();
    }

    private void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver, WAIT).withMessage(what).until(d -> condition.getAsBoolean());
    }

    private void untilText(String id, String text) {
        until("#" + id + " shows '" + text + "' (it shows '" + el(id).getText() + "')", () -> el(id).getText().equals(text));
    }

    private JsonNode state() throws Exception {
        HttpResponse<String> r = percuss.get("/api/state");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    @Order(1)
    void thePageLoadsWithNoConsoleErrorsAndItsValuesMove() throws Exception {
        browser.driver.get(percuss.url);
        untilText("link", "live");
        until("the session runs", () -> !el("state").getText().equals("CONNECTING"));
        String first = el("running").getText();
        until("the running time moves on from " + first, () -> !el("running").getText().equals(first));
        assertThat(el("level").getText()).isEqualTo("1");
        assertThat(el("limit").getText()).isEqualTo("15:00");
        assertThat(el("current").getText()).endsWith(" A");
        assertThat(el("temperature").getText()).endsWith(" °C");
        assertThat(el("supply").getText()).endsWith(" V");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void theEventsComeAtLeastTenTimesASecond() throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(percuss.url + "api/events")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long started = System.nanoTime();
        int events = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && System.nanoTime() - started < 2_000_000_000L) {
                if (line.equals("event: state")) {
                    events++;
                }
            }
        }
        assertThat(events).as("events in 2 s").isGreaterThanOrEqualTo(20);
    }

    @Test
    @Order(3)
    void thePlotDrawsTheSpeedAndTheTemperature() {
        String inkOf = "const c = document.querySelector(arguments[0] + ' canvas'); if (!c) return 0;"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) { if (arguments[1](d[i], d[i + 1], d[i + 2])) n++; } return n;";
        until("the speed plot draws its commanded line (blue)", () -> ((Number) browser.js(inkOf.replace("arguments[1](d[i], d[i + 1], d[i + 2])",
                "(d[i] < 80 && d[i + 1] < 100 && d[i + 2] > 120)"), "#plot-speed")).intValue() > 50);
        until("the load plot draws its temperature line (red)", () -> ((Number) browser.js(inkOf.replace("arguments[1](d[i], d[i + 1], d[i + 2])",
                "(d[i] > 150 && d[i + 1] < 80 && d[i + 2] < 80)"), "#plot-load")).intValue() > 50);
    }

    @Test
    @Order(4)
    void levelUpRampsToTheNextLevel() throws Exception {
        untilText("state", "RUNNING");
        click("up");
        untilText("level", "2");
        until("ramping, then running at 1700", () -> el("commanded").getText().equals("1700")
                && el("state").getText().equals("RUNNING"));
        click("up");
        untilText("level", "3");
        until("running at 2200", () -> el("commanded").getText().equals("2200") && el("state").getText().equals("RUNNING"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(5)
    void theEmergencyStopStopsTheMotorWithinOneTickOfItsRequestAndLatches() throws Exception {
        // keep the API's answer to the page's request, to know which tick it was taken by at the latest
        browser.js("window.__estop = null; const f = window.fetch; window.fetch = (u, i) => f(u, i).then(r => {"
                + " if (String(u).includes('emergency-stop')) { r.clone().json().then(j => { window.__estop = j; }); }"
                + " return r; });");
        el("estop").click();
        until("the page's emergency stop was answered", () -> browser.js("return window.__estop") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.js("return window.__estop");
        assertThat(answer.get("ok")).isEqualTo(true);
        stopRequestedBy = ((Number) answer.get("takenByTick")).longValue();
        untilText("state", "EMERGENCY STOP");
        JsonNode s = state();
        latchedAt = s.get("latchedAtTick").asLong();
        assertThat(latchedAt).as("the tick that stopped").isLessThanOrEqualTo(stopRequestedBy);
        assertThat(s.get("commandedPpm").asInt()).isZero();
        assertThat(s.get("faults").toString()).contains("emergency stop");
        long tick = s.get("tick").asLong();
        until("a second more of session time", () -> {
            try {
                return state().get("tick").asLong() > tick + 100;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(state().get("state").asText()).isEqualTo("EMERGENCY_STOP");
        assertThat(el("start").isEnabled()).isFalse();
        assertThat(el("up").isEnabled()).isFalse();
        assertThat(el("faults").getText()).isEqualTo("emergency stop");
    }

    @Test
    @Order(6)
    void clearAndStartBeginAgainAtTheLowestLevelWithAWarmUp() throws Exception {
        until("Clear is offered once the motor has run down", () -> el("clear").isEnabled());
        click("clear");
        untilText("state", "IDLE");
        until("Start is offered", () -> el("start").isEnabled());
        click("start");
        untilText("state", "WARM-UP");
        JsonNode s = state();
        assertThat(s.get("commandedPpm").asInt()).isEqualTo(1200);
        assertThat(s.get("level").asInt()).isEqualTo(3);
        until("ramping back up to level 3 after the warm-up", () -> el("commanded").getText().equals("2200"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void onAPhoneTheEmergencyStopStaysInViewAndTheScreenshotIsKept() throws Exception {
        browser.phone(390, 844);
        until("the page is laid out for 390 px", () -> ((Number) browser.js("return window.innerWidth")).intValue() == 390);
        until("the plot is redrawn for it", () -> ((Number) browser.js(
                "return document.querySelector('#plot-speed canvas').getBoundingClientRect().width")).doubleValue() <= 390);
        for (String scroll : List.of("0", "document.body.scrollHeight / 2", "document.body.scrollHeight")) {
            browser.js("window.scrollTo(0, " + scroll + ")");
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) browser.js("const r = document.getElementById('estop')"
                    + ".getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height, vh: window.innerHeight};");
            double top = ((Number) r.get("top")).doubleValue();
            double bottom = ((Number) r.get("bottom")).doubleValue();
            assertThat(top).as("e-stop top, scrolled to " + scroll).isGreaterThanOrEqualTo(0);
            assertThat(bottom).as("e-stop bottom, scrolled to " + scroll).isLessThanOrEqualTo(((Number) r.get("vh")).doubleValue());
            assertThat(((Number) r.get("height")).doubleValue()).as("a big target").isGreaterThanOrEqualTo(60);
        }
        browser.js("window.scrollTo(0, 0)");
        until("running, for the picture", () -> el("state").getText().equals("RUNNING"));
        browser.screenshot(ARTIFACTS.resolve("phone-390x844.png"));
        assertThat(Files.size(ARTIFACTS.resolve("phone-390x844.png"))).isGreaterThan(10_000);
    }

    @Test
    @Order(8)
    void theEndShowsTheSummaryAndOffersThePlotOfTheWholeSession() throws Exception {
        click("finish");
        untilText("state", "FINISHED");
        until("the summary shows", () -> el("summary").isDisplayed() && el("summary-text").getText().contains("session summary"));
        assertThat(el("summary-text").getText()).contains("stopped:      interrupted").contains("exit code 0");
        until("the plot is offered for download", () -> el("download").isDisplayed()
                && el("download").getAttribute("href").startsWith("blob:"));
        HttpResponse<byte[]> png = percuss.getBytes("/api/plot.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(png.body().length).isGreaterThan(20_000);
        Files.write(ARTIFACTS.resolve("session-plot.png"), png.body());
        assertThat(browser.consoleErrors()).isEmpty();
        // the page is done with the finished session: Finish again lets percuss end
        assertThat(percuss.post("/api/finish", null).statusCode()).isEqualTo(200);
        assertThat(percuss.waitFor(Duration.ofSeconds(20))).isZero();
    }

    @Test
    @Order(9)
    void theTraceConfirmsTheRampAndTheStopTickByTick() throws Exception {
        List<String> rows = Files.readAllLines(trace);
        assertThat(rows.get(0)).startsWith("t_s,state,level,target_ppm,commanded_ppm");
        int previous = 0;
        String previousState = "";
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            int commanded = Integer.parseInt(f[4]);
            if (previous == 0 && commanded > 0) {
                assertThat(commanded).as("every start at the lowest level: " + row).isEqualTo(1200);
            } else {
                assertThat(commanded - previous).as("never faster than 250 ppm/s: " + row).isLessThanOrEqualTo(3);
            }
            previous = commanded;
            previousState = f[1];
        }
        assertThat(previousState).isEqualTo("FINISHED");
        // tick k is row k (t = (k - 1) × 10 ms): the stop's tick commands zero, the one before did not
        String[] stopRow = rows.get((int) latchedAt).split(",");
        String[] before = rows.get((int) latchedAt - 1).split(",");
        assertThat(stopRow[1]).isEqualTo("EMERGENCY_STOP");
        assertThat(Integer.parseInt(stopRow[4])).isZero();
        assertThat(Integer.parseInt(before[4])).isEqualTo(2200);
        assertThat(latchedAt).isLessThanOrEqualTo(stopRequestedBy);
    }
}
