package org.percuss.device.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A setting checks its range and the order against another key, and says what is wrong in the file's words and units. */
class SettingTest {

    private static final Setting AMPS = Setting.number("current.trip_amps", 0.5, 30, "A");
    private static final Setting DERATE = Setting.number("current.derate_amps", 0.5, 20, "A");
    private static final Setting PIN = Setting.whole("gpio.enable_pin", 0, 27, "").orNone(-1);
    private static final Setting ADDRESS = Setting.address("gpio.sensors.motion.address", 0x03, 0x77).withNote("7-bit I2C addresses");
    private static final Setting WATCHDOG = Setting.duration("gpio.watchdog", Duration.ofMillis(15), Duration.ofSeconds(2));

    @Test
    void aValueOutsideItsRangeIsRefusedNamingTheKeyInTheFilesUnits() {
        assertThat(AMPS.require(30.0)).isEqualTo(30.0);
        assertThatThrownBy(() -> AMPS.require(31.0)).isInstanceOfSatisfying(InvalidSetting.class, e -> {
            assertThat(e.path()).isEqualTo("current.trip_amps");
            assertThat(e.problem()).isEqualTo("31 is outside 0.5..30 A");
        });
        assertThatThrownBy(() -> AMPS.require(Double.NaN)).hasMessage("current.trip_amps: NaN is outside 0.5..30 A");
        assertThatThrownBy(() -> WATCHDOG.requireMillis(2500)).hasMessage("gpio.watchdog: 2s500ms is outside 15ms..2s");
        assertThatThrownBy(() -> ADDRESS.require(0x78))
                .hasMessage("gpio.sensors.motion.address: 0x78 is outside 0x03..0x77 (7-bit I2C addresses)");
        assertThat(ADDRESS.allowed()).isEqualTo("0x03..0x77, 7-bit I2C addresses");
    }

    @Test
    void noneIsTakenOnlyWhereTheSettingAllowsIt() {
        assertThat(PIN.require(-1)).isEqualTo(-1);
        assertThatThrownBy(() -> PIN.require(-2)).hasMessage("gpio.enable_pin: -2 is outside 0..27");
        Setting required = Setting.whole("gpio.tach_pin", 0, 27, "");
        assertThatThrownBy(() -> required.require(-1)).hasMessage("gpio.tach_pin: -1 is outside 0..27");
        assertThat(PIN.key()).isEqualTo("enable_pin");
    }

    @Test
    void anOrderBetweenTwoKeysNamesTheLaterOneAndTheOther() {
        assertThat(AMPS.requireAbove(4, DERATE, 3)).isEqualTo(4);
        assertThatThrownBy(() -> AMPS.requireAbove(3, DERATE, 3)).hasMessage("current.trip_amps: 3 A must be above derate_amps (3 A)");
        Setting max = Setting.whole("gpio.max_ppm", 100, 6000, "ppm");
        Setting min = Setting.whole("gpio.min_ppm", 100, 6000, "ppm");
        assertThat(max.requireAtLeast(2500, min, 2500)).isEqualTo(2500);
        assertThatThrownBy(() -> max.requireAtLeast(2000, min, 2500))
                .hasMessage("gpio.max_ppm: 2000 ppm must be at least min_ppm (2500 ppm)");
        Setting warn = Setting.duration("keep_moving.warn_after", Duration.ofSeconds(1), Duration.ofSeconds(60));
        Setting derate = Setting.duration("keep_moving.derate_after", Duration.ofSeconds(2), Duration.ofSeconds(120));
        assertThatThrownBy(() -> derate.requireAfter(Duration.ofSeconds(10), warn, Duration.ofSeconds(10)))
                .hasMessage("keep_moving.derate_after: 10s must be after warn_after (10s)");
    }

    @Test
    void valuesAreWrittenAsAFileWritesThem() {
        assertThat(SettingText.number(3.0)).isEqualTo("3");
        assertThat(SettingText.number(0.5)).isEqualTo("0.5");
        assertThat(SettingText.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(SettingText.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(SettingText.duration(Duration.ofNanos(500))).isEqualTo("500ns");
        assertThat(SettingText.hex(0x40)).isEqualTo("0x40");
    }
}
