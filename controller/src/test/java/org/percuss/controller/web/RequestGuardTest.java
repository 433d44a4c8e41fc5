package org.percuss.controller.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RequestGuardTest {

    private final WebToken token = new WebToken("A".repeat(43), Path.of("/home/u/.local/state/percuss/web-token"), false);

    @Test
    void onLoopbackTheHostMustNameThisServerAsLoopback() {
        RequestGuard g = new RequestGuard(new WebAddress("127.0.0.1", 8080, true), null);
        assertThat(g.check(false, true, "127.0.0.1:8080", null, null, null)).isNull();
        assertThat(g.check(false, true, "localhost:8080", null, null, null)).isNull();
        assertThat(g.check(false, true, "[::1]:8080", null, null, null)).isNull();
        assertThat(g.check(false, true, "evil.example:8080", null, null, null).status()).isEqualTo(403);
        assertThat(g.check(false, true, "127.0.0.1:9999", null, null, null).status()).isEqualTo(403);
        assertThat(g.check(false, true, null, null, null, null).status()).isEqualTo(403);
    }

    @Test
    void theBoundPortIsTheOneAHostMustName() {
        RequestGuard g = new RequestGuard(new WebAddress("127.0.0.1", 0, true), null);
        g.boundTo(41234);
        assertThat(g.check(false, false, "127.0.0.1:41234", null, null, null)).isNull();
        assertThat(g.check(false, false, "127.0.0.1:0", null, null, null)).isNotNull();
    }

    @Test
    void aChangeFromAnotherSitesPageIsRefused() {
        RequestGuard g = new RequestGuard(new WebAddress("127.0.0.1", 8080, true), null);
        assertThat(g.check(true, true, "127.0.0.1:8080", "http://127.0.0.1:8080", "same-origin", null)).isNull();
        assertThat(g.check(true, true, "127.0.0.1:8080", null, null, null)).isNull(); // curl, a script
        RequestGuard.Refusal origin = g.check(true, true, "127.0.0.1:8080", "https://evil.example", null, null);
        assertThat(origin.status()).isEqualTo(403);
        assertThat(origin.message()).isEqualTo("cross-site request refused (Origin: https://evil.example)");
        assertThat(g.check(true, true, "127.0.0.1:8080", "null", null, null).status()).isEqualTo(403);
        assertThat(g.check(true, true, "127.0.0.1:8080", null, "cross-site", null).status()).isEqualTo(403);
        assertThat(g.check(true, true, "127.0.0.1:8080", null, "same-site", null).status()).isEqualTo(403);
        // reading is not changing: a GET from elsewhere is left to the browser's same-origin rule
        assertThat(g.check(false, true, "127.0.0.1:8080", "https://evil.example", "cross-site", null)).isNull();
    }

    @Test
    void elsewhereEveryApiCallNeedsTheTokenAndThePageDoesNot() {
        RequestGuard g = new RequestGuard(new WebAddress("0.0.0.0", 8080, false), token);
        assertThat(g.check(true, true, "pi.local:8080", null, null, null).status()).isEqualTo(401);
        assertThat(g.check(false, true, "pi.local:8080", null, null, null).status()).isEqualTo(401);
        assertThat(g.check(true, true, "pi.local:8080", null, null, "Bearer " + "B".repeat(43)).status()).isEqualTo(401);
        assertThat(g.check(true, true, "pi.local:8080", null, null, "Basic xyz").status()).isEqualTo(401);
        assertThat(g.check(true, true, "pi.local:8080", null, null, "Bearer " + "A".repeat(43))).isNull();
        assertThat(g.check(true, true, "pi.local:8080", null, null, "bearer " + "A".repeat(43))).isNull();
        assertThat(g.check(false, false, "pi.local:8080", null, null, null)).isNull(); // the page itself
        // with the token, another site's page still may not change anything
        assertThat(g.check(true, true, "pi.local:8080", "http://evil.example", null, "Bearer " + "A".repeat(43)).status())
                .isEqualTo(403);
    }
}
