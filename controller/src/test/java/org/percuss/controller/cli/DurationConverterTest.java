package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"20s,PT20S", "5m,PT5M", "1m30s,PT1M30S", "1h,PT1H", "250ms,PT0.25S", "1.5s,PT1.5S",
        "0s,PT0S", "1h2m3s,PT1H2M3S", "2m500ms,PT2M0.5S"})
    void readsTheFormsPeopleWrite(String text, Duration expected) {
        assertThat(DurationConverter.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20", "5x", "s", "1s1m", "-5s", "1.s", "m30s5"})
    void refusesEverythingElseSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("20s, 5m or 1m30s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20s", "15m", "1m30s", "250ms", "1h"})
    void formatsWhatItReads(String text) {
        assertThat(DurationConverter.format(DurationConverter.parse(text))).isEqualTo(text);
    }
}
