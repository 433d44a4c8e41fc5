package org.percuss.controller.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebAddressTest {

    @Test
    void aPortAloneIsThisMachineOnly() {
        WebAddress a = WebAddress.parse("8080");
        assertThat(a).isEqualTo(new WebAddress("127.0.0.1", 8080, true));
    }

    @Test
    void loopbackNamesNeedNoTokenAndEveryOtherAddressDoes() {
        assertThat(WebAddress.parse("localhost:0").loopback()).isTrue();
        assertThat(WebAddress.parse("[::1]:9000").loopback()).isTrue();
        assertThat(WebAddress.parse("[::1]:9000").urlHost()).isEqualTo("[::1]");
        WebAddress all = WebAddress.parse("0.0.0.0:8080");
        assertThat(all.loopback()).isFalse();
        assertThat(all.wildcard()).isTrue();
        assertThat(WebAddress.parse("[::]:8080").loopback()).isFalse();
        assertThat(WebAddress.parse("192.168.1.20:8080").loopback()).isFalse();
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> WebAddress.parse("80a")).hasMessage("the port must be a number 0..65535 (0 picks a free one), got '80a'");
        assertThatThrownBy(() -> WebAddress.parse("65536")).hasMessage("the port must be 0..65535, got 65536");
        assertThatThrownBy(() -> WebAddress.parse(":8080")).hasMessageStartingWith("the host before ':' is empty");
        assertThatThrownBy(() -> WebAddress.parse("::1:8080")).hasMessageStartingWith("write an IPv6 address in brackets");
        assertThatThrownBy(() -> WebAddress.parse("[::1]8080")).hasMessageStartingWith("expected [IPv6]:PORT");
        assertThatThrownBy(() -> WebAddress.parse("no-such-host.invalid:80")).hasMessage("unknown host 'no-such-host.invalid'");
        assertThatThrownBy(() -> WebAddress.parse("")).hasMessageStartingWith("the port must be a number");
    }
}
