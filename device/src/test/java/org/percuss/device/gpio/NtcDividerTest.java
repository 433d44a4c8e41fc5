package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class NtcDividerTest {

    private final NtcDivider usual = TemperatureSense.Ads1115Ntc.usual(1, 0x48, 0).divider();

    @Test
    void atTwentyFiveDegreesTheNtcEqualsTheSeriesResistorSoTheNodeIsAtHalfTheSupply() {
        assertThat(usual.volts(25)).isCloseTo(1.65, offset(1e-9));
        assertThat(usual.celsius(1.65)).isCloseTo(25, offset(1e-9));
    }

    @Test
    void theBEquationGivesTheResistanceATableGivesAtEightyFive() {
        // a 10 kΩ B3950 part's tables give about 1.087 kΩ at 85 °C (and 32.6 kΩ at 0 °C)
        assertThat(usual.celsius(3.3 * 1087 / (10_000 + 1087))).isCloseTo(85, offset(0.1));
        // fitted at 25 and 85 °C, the B equation is about half a degree off at 0 °C
        assertThat(usual.celsius(3.3 * 32_650 / (10_000 + 32_650))).isCloseTo(0, offset(0.7));
    }

    @Test
    void itRoundTripsOverTheMotorsRange() {
        for (double c = -20; c <= 130; c += 7.5) {
            assertThat(usual.celsius(usual.volts(c))).isCloseTo(c, offset(1e-6));
        }
    }

    @Test
    void aNodeAtARailIsAnOpenOrShortedNtc() {
        assertThat(usual.celsius(3.29)).isNaN();
        assertThat(usual.railProblem(3.29)).startsWith("the NTC reads open");
        assertThat(usual.railProblem(0.01)).startsWith("the NTC reads shorted");
        assertThat(usual.railProblem(1.65)).isNull();
    }
}
