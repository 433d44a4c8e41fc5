package org.percuss.controller.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.device.gpio.CurrentSense;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.MotionSense;
import org.percuss.device.gpio.MotorOutput;
import org.percuss.device.gpio.RigSensors;
import org.percuss.device.gpio.TemperatureSense;

/** The {@code gpio} section's motor output and sensors, read from a file: values, and problems with file:line. */
class GpioSectionTest {

    @TempDir
    Path dir;

    private ConfigLoader.Result load(String yaml) throws IOException {
        Path f = dir.resolve("rig.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f);
    }

    private String problem(String yaml) throws IOException {
        ConfigLoader.Result r = load(yaml);
        assertThat(r.problems()).as(yaml).hasSize(1);
        return r.problems().get(0).toString().substring(dir.resolve("rig.yaml").toString().length());
    }

    @Test
    void readsAnEscAndEverySensorUnderTheKeysTheIssueNames() throws IOException {
        ConfigLoader.Result r = load("""
                gpio:
                  output: esc
                  esc_frequency_hz: 400
                  esc_arming: 2s
                  sensors:
                    current: {chip: ina219, bus: 1, address: 0x41, shunt_ohms: 0.01, max_amps: 16}
                    motion: {chip: mpu6050, bus: 1, address: 0x69, threshold_dps: 15}
                    temperature: {chip: ds18b20, id: 28-0316a2795fff}
                """);
        assertThat(r.problems()).isEmpty();
        GpioRig g = r.config().gpio();
        assertThat(g.output()).isEqualTo(MotorOutput.esc(400, 2000));
        assertThat(g.sensors()).isEqualTo(new RigSensors(Optional.of(new CurrentSense(1, 0x41, 0.01, 16)),
                Optional.of(new MotionSense(1, 0x69, 15)),
                Optional.of(new TemperatureSense.Ds18b20("28-0316a2795fff", 4))));
    }

    @Test
    void readsAnNtcOnAnAds1115WithItsDefaults() throws IOException {
        ConfigLoader.Result r = load("""
                gpio:
                  sensors:
                    current: {chip: ina219, shunt_ohms: 0.01}
                    temperature: {chip: ads1115-ntc, address: 72, channel: 2, ntc_beta: 3435}
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().gpio().output()).isEqualTo(MotorOutput.DRIVER);
        assertThat(r.config().gpio().sensors().current()).contains(CurrentSense.fullScale(1, 0x40, 0.01));
        assertThat(r.config().gpio().sensors().temperature()).contains(new TemperatureSense.Ads1115Ntc(1, 0x48, 2, 10_000,
                10_000, 3435, 3.3));
    }

    @Test
    void aSensorAddressOutsideTheSevenBitRangeIsNamedWithItsLine() throws IOException {
        assertThat(problem("""
                gpio:
                  sensors:
                    current:
                      chip: ina219
                      shunt_ohms: 0.01
                      address: 0x78
                """)).isEqualTo(":6: gpio.sensors.current.address: 0x78 is outside 0x03..0x77 (7-bit I2C addresses)");
        assertThat(problem("gpio:\n  sensors:\n    motion: {chip: mpu6050, address: 2}\n"))
                .isEqualTo(":3: gpio.sensors.motion.address: 0x02 is outside 0x03..0x77 (7-bit I2C addresses)");
        assertThat(problem("gpio:\n  sensors:\n    motion: {chip: mpu6050, address: sixty}\n"))
                .isEqualTo(":3: gpio.sensors.motion.address: 'sixty' is not an address (allowed: 0x03..0x77, 7-bit I2C addresses)");
    }

    @Test
    void aPinUsedTwiceIsNamedAtTheKeyThatTookItSecond() throws IOException {
        assertThat(problem("""
                gpio:
                  power_button_pin: 3
                  sensors:
                    motion:
                      chip: mpu6050
                      bus: 1
                """)).isEqualTo(":6: gpio.sensors.motion.bus: I2C bus 1 needs GPIO3 (SCL), which is already gpio.power_button_pin");
        assertThat(problem("""
                gpio:
                  sensors:
                    temperature: {chip: ds18b20, id: 28-0316a2795fff, pin: 17}
                """)).isEqualTo(":3: gpio.sensors.temperature.pin: GPIO17 is already gpio.emergency_stop_pin");
        assertThat(problem("gpio:\n  enable_pin: 23\n")).isEqualTo(":2: gpio.enable_pin: GPIO23 is already gpio.tach_pin");
        assertThat(problem("""
                gpio:
                  sensors:
                    current: {chip: ina219, shunt_ohms: 0.01}
                    temperature: {chip: ads1115-ntc, address: 0x40}
                """)).isEqualTo(":4: gpio.sensors.temperature.address: 0x40 on bus 1 is already the current sensor's "
                + "(gpio.sensors.current)");
    }

    @Test
    void anEscFrequencyOutOfRangeIsNamedWithItsLine() throws IOException {
        assertThat(problem("gpio:\n  output: esc\n  esc_frequency_hz: 490\n"))
                .isEqualTo(":3: gpio.esc_frequency_hz: 490 is outside 50..400 Hz");
        assertThat(problem("gpio:\n  output: servo\n"))
                .isEqualTo(":2: gpio.output: 'servo' is not an output: driver or esc");
        assertThat(problem("gpio:\n  esc_arming: 20s\n")).isEqualTo(":2: gpio.esc_arming: 20s is outside 500ms..10s");
    }

    @Test
    void aCurrentSensorThatCannotSeeTheTripLimitIsRefused() throws IOException {
        // the common breakout's 0.1 Ω shunt measures 3.2 A at most: the default 4 A trip would never be seen
        assertThat(problem("gpio:\n  sensors:\n    current: {chip: ina219, address: 0x40, shunt_ohms: 0.1}\n"))
                .isEqualTo(":3: gpio.sensors.current.shunt_ohms: measures at most 3.20 A across 0.1 Ω, not above "
                        + "current.trip_amps (4 A): the over-current rule could never trip; fit a smaller shunt (0.01 Ω "
                        + "measures up to 32 A)");
        assertThat(load("current: {derate_amps: 2, trip_amps: 3}\ngpio:\n  sensors:\n    current: {chip: ina219, shunt_ohms: 0.1}\n")
                .problems()).as("with lower limits it can").isEmpty();
        // a shunt that could see the trip, its range set below it: max_amps is the key to change
        assertThat(problem("gpio:\n  sensors:\n    current:\n      chip: ina219\n      shunt_ohms: 0.01\n      max_amps: 3\n"))
                .isEqualTo(":6: gpio.sensors.current.max_amps: 3 A is not above current.trip_amps (4 A): the over-current "
                        + "rule could never trip; a 0.01 Ω shunt measures up to 32.00 A");
    }

    @Test
    void aChipPercussDoesNotReadOrNoChipIsSaid() throws IOException {
        assertThat(problem("gpio:\n  sensors:\n    current: {chip: acs712}\n"))
                .isEqualTo(":3: gpio.sensors.current.chip: 'acs712' is not a current sensor percuss reads: ina219");
        assertThat(problem("gpio:\n  sensors:\n    temperature: {chip: lm35}\n"))
                .isEqualTo(":3: gpio.sensors.temperature.chip: 'lm35' is not a temperature sensor percuss reads: ads1115-ntc or "
                        + "ds18b20");
        assertThat(problem("gpio:\n  sensors:\n    motion: {address: 0x68}\n"))
                .isEqualTo(":3: gpio.sensors.motion: chip: required (mpu6050)");
        assertThat(problem("gpio:\n  sensors:\n    temperature: {chip: ds18b20}\n")).isEqualTo(
                ":3: gpio.sensors.temperature.id: required for a DS18B20: its 1-wire id, 28- and 12 hex digits, as ls "
                        + "/sys/bus/w1/devices shows it");
        assertThat(problem("gpio:\n  sensors:\n    humidity: {chip: dht22}\n")).startsWith(
                ":3: gpio.sensors.humidity: unknown key (known keys here: current, motion, temperature)");
    }

    @Test
    void aWatchdogShorterThanThreeSamplesIsNamedOnItsOwnLineInTheFilesUnits() throws IOException {
        assertThat(problem("gpio:\n  sample_period: 100ms\n  watchdog: 50ms\n")).isEqualTo(
                ":3: gpio.watchdog: 50ms is outside 300ms..2s (at least three sample periods of 100ms)");
    }

    @Test
    void everyRuleBetweenTwoKeysNamesTheLaterKeyOnItsOwnLine() throws IOException {
        assertThat(problem("gpio:\n  min_ppm: 2500\n  max_ppm: 2000\n"))
                .isEqualTo(":3: gpio.max_ppm: 2000 ppm must be at least min_ppm (2500 ppm)");
        assertThat(problem("gpio:\n  max_ppm: 3400\n  full_duty_ppm: 3000\n"))
                .isEqualTo(":3: gpio.full_duty_ppm: 3000 ppm must be at least max_ppm (3400 ppm)");
        assertThat(problem("gpio:\n  power_button_pin: none\n"))
                .isEqualTo(":2: gpio.power_button_pin: power_button_pin, plus_button_pin and minus_button_pin: give all three "
                        + "or none");
        assertThat(problem("gpio:\n  sensors:\n    current:\n      chip: ina219\n      shunt_ohms: 0.01\n      max_amps: 40\n"))
                .isEqualTo(":6: gpio.sensors.current.max_amps: 40 is outside 2.5..32 A (25..320 mV across a 0.01 Ω shunt)");
        assertThat(problem("gpio:\n  sample_period: 10ms\n  watchdog: 25ms\n"))
                .isEqualTo(":3: gpio.watchdog: 25ms is outside 30ms..2s (at least three sample periods of 10ms)");
    }

    @Test
    void aRuleOnAKeyLeftOutIsPutOnTheFirstLineOfItsSection() throws IOException {
        // watchdog left at 250ms: a sample period of 100ms needs 300ms; the section's entries start on line 3
        assertThat(problem("levels: [1200]\ngpio:\n  sample_period: 100ms\n"))
                .isEqualTo(":3: gpio.watchdog: 250ms is outside 300ms..2s (at least three sample periods of 100ms)");
    }

    @Test
    void noneLeavesAnOptionalPinOutAndIsNotAPinForARequiredOne() throws IOException {
        ConfigLoader.Result r = load("gpio:\n  enable_pin: none\n  heartbeat_pin: none\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().gpio().enablePin()).isEqualTo(GpioRig.NO_PIN);
        assertThat(r.config().gpio().heartbeatPin()).isEqualTo(GpioRig.NO_PIN);
        assertThat(problem("gpio:\n  tach_pin: none\n")).isEqualTo(":2: gpio.tach_pin: 'none' is not a whole number (allowed: "
                + "0..27)");
    }

    @Test
    void everyBadKeyOfTheSectionOnItsOwnLineInOneRun() throws IOException {
        ConfigLoader.Result r = load("""
                gpio:
                  pwm_channel: 7
                  tach_pin: 40
                  watchdog: 5s
                  sample_period: 1ms
                  emergency_stop_active: sideways
                  output: servo
                  sensors:
                    motion: {chip: mpu6050, address: 0x99, threshold_dps: 1}
                """);
        assertThat(r.problems()).extracting(p -> p.toString().substring(dir.resolve("rig.yaml").toString().length()))
                .as("in the file's order").containsExactly(
                        ":2: gpio.pwm_channel: 7 is outside 0..3",
                        ":3: gpio.tach_pin: 40 is outside 0..27",
                        ":4: gpio.watchdog: 5s is outside 15ms..2s",
                        ":5: gpio.sample_period: 1ms is outside 5ms..100ms",
                        ":6: gpio.emergency_stop_active: 'sideways' is not a level: high or low",
                        ":7: gpio.output: 'servo' is not an output: driver or esc",
                        ":9: gpio.sensors.motion.address: 0x99 is outside 0x03..0x77 (7-bit I2C addresses)",
                        ":9: gpio.sensors.motion.threshold_dps: 1 is outside 2..100 °/s");
    }

    @Test
    void everyProblemOfTheSectionInOneRun() throws IOException {
        ConfigLoader.Result r = load("""
                gpio:
                  esc_frequency_hz: 20
                  sensors:
                    current: {chip: ina219, address: 0x99}
                    motion: {chip: mpu6050, threshold_dps: 500}
                """);
        assertThat(r.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).endsWith(":2: gpio.esc_frequency_hz: 20 is outside 50..400 Hz"))
                .anySatisfy(p -> assertThat(p).contains(":4: gpio.sensors.current.address: 0x99 is outside"))
                .anySatisfy(p -> assertThat(p).contains(":5: gpio.sensors.motion.threshold_dps: 500 is outside 2..100 °/s"));
    }
}
