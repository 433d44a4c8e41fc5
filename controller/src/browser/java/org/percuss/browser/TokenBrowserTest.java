package org.percuss.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code percuss run --web 0.0.0.0:PORT}: on an address other than loopback every API call needs
 * the token. Without it each state-changing call is 401 and the session goes on as it was; the
 * page opened with the address percuss printed (the token after #) works, e-stop included.
 */
@Timeout(120)
class TokenBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutTheTokenEveryChangeIs401AndNothingChangesWithItThePageWorks() throws Exception {
        Path home = Files.createTempDirectory("percuss-home");
        try (PercussSession percuss = PercussSession.start(Map.of("HOME", home.toString(),
                "XDG_STATE_HOME", home.resolve("state").toString()), "run", "--web", "0.0.0.0:0",
                "--time-scale", "20", "--web-linger", "0s")) {
            assertThat(percuss.token).as("the token, printed once with the address").isNotNull();
            assertThat(Files.readString(home.resolve("state/percuss/web-token")).strip()).isEqualTo(percuss.token);
            String bearer = "Bearer " + percuss.token;
            JsonNode before = JSON.readTree(percuss.get("/api/state", "Authorization", bearer).body());
            for (String path : List.of("/api/emergency-stop", "/api/pause", "/api/level", "/api/start", "/api/clear",
                    "/api/finish")) {
                HttpResponse<String> r = percuss.post(path, "{\"level\": 5}", "Content-Type", "application/json");
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                assertThat(JSON.readTree(r.body()).get("error").asText()).startsWith("this server needs its token");
                assertThat(percuss.post(path, "{\"level\": 5}", "Content-Type", "application/json",
                        "Authorization", "Bearer not-the-token").statusCode()).as(path).isEqualTo(401);
            }
            assertThat(percuss.get("/api/state").statusCode()).isEqualTo(401);
            JsonNode after = JSON.readTree(percuss.get("/api/state", "Authorization", bearer).body());
            assertThat(after.get("tick").asLong()).isGreaterThan(before.get("tick").asLong());
            assertThat(after.get("state").asText()).isIn("WARM_UP", "RAMPING", "RUNNING");
            assertThat(after.get("level").asInt()).isEqualTo(1);
            assertThat(after.get("faults").size()).isZero();

            try (Browser browser = new Browser(Files.createTempDirectory("percuss-chromium"))) {
                browser.driver.get(percuss.url + "#token=" + percuss.token);
                WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
                wait.until(d -> d.findElement(By.id("link")).getText().equals("live"));
                assertThat(browser.driver.getCurrentUrl()).doesNotContain("token"); // taken out of the address bar
                browser.driver.findElement(By.id("estop")).click();
                wait.until(d -> d.findElement(By.id("state")).getText().equals("EMERGENCY STOP"));
                assertThat(browser.consoleErrors()).isEmpty();
            }
            assertThat(percuss.post("/api/finish", null, "Authorization", bearer).statusCode()).isEqualTo(200);
            assertThat(percuss.waitFor(Duration.ofSeconds(20))).as("a safety stop ended it").isEqualTo(4);
        }
    }
}
