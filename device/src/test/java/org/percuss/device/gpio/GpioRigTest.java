package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.percuss.device.setting.InvalidSetting;

class GpioRigTest {

    private static final GpioRig D = GpioRig.DEFAULT;

    private static GpioRig rig(int tach, int enable, int estop, int power, int plus, int minus, int fullDuty, int watchdog) {
        return new GpioRig(D.pwmChannel(), D.pwmFrequencyHz(), tach, D.tachPulsesPerRevolution(), fullDuty, D.minPpm(),
                D.maxPpm(), enable, D.heartbeatPin(), estop, true, power, plus, minus, watchdog, D.samplePeriodMillis());
    }

    @Test
    void twoJobsOnOnePinAreRefusedNamingBoth() {
        assertThatThrownBy(() -> rig(23, 23, 17, 5, 6, 13, 3600, 250))
                .hasMessage("gpio.enable_pin: GPIO23 is already gpio.tach_pin");
    }

    @Test
    void aPinOnThePwmOutputIsRefused() {
        assertThatThrownBy(() -> rig(18, 24, 17, 5, 6, 13, 3600, 250))
                .hasMessage("gpio.tach_pin: GPIO18 is the PWM output of pwm_channel 0");
    }

    @Test
    void onAPi5Gpio18IsChannelTwo() {
        assertThatThrownBy(() -> new GpioRig(2, D.pwmFrequencyHz(), 18, D.tachPulsesPerRevolution(), D.fullDutyPpm(),
                D.minPpm(), D.maxPpm(), D.enablePin(), D.heartbeatPin(), D.emergencyStopPin(), true, D.powerButtonPin(),
                D.plusButtonPin(), D.minusButtonPin(), D.watchdogMillis(), D.samplePeriodMillis()))
                .hasMessage("gpio.tach_pin: GPIO18 is the PWM output of pwm_channel 2");
        assertThatThrownBy(() -> new GpioRig(4, D.pwmFrequencyHz(), D.tachPin(), D.tachPulsesPerRevolution(), D.fullDutyPpm(),
                D.minPpm(), D.maxPpm(), D.enablePin(), D.heartbeatPin(), D.emergencyStopPin(), true, D.powerButtonPin(),
                D.plusButtonPin(), D.minusButtonPin(), D.watchdogMillis(), D.samplePeriodMillis()))
                .hasMessage("gpio.pwm_channel: 4 is outside 0..3");
    }

    @Test
    void aPinOffTheHeaderIsRefused() {
        assertThatThrownBy(() -> rig(23, 24, 40, 5, 6, 13, 3600, 250))
                .hasMessage("gpio.emergency_stop_pin: 40 is outside 0..27");
    }

    @Test
    void buttonsAreAllThreeOrNone() {
        assertThatThrownBy(() -> rig(23, 24, 17, 5, GpioRig.NO_PIN, 13, 3600, 250))
                .hasMessageContaining("all three or none");
    }

    @Test
    void theMotorMustReachTheTopSpeedAtFullDuty() {
        assertThatThrownBy(() -> rig(23, 24, 17, 5, 6, 13, 3000, 250))
                .hasMessage("gpio.full_duty_ppm: 3000 ppm must be at least max_ppm (3400 ppm)");
    }

    @Test
    void theWatchdogMustOutlastThreeSamples() {
        assertThatThrownBy(() -> rig(23, 24, 17, 5, 6, 13, 3600, 50))
                .hasMessage("gpio.watchdog: 50ms is outside 60ms..2s (at least three sample periods of 20ms)");
    }

    @Nested
    class Sensors {

        private final CurrentSense ina = CurrentSense.fullScale(1, 0x40, 0.01);

        @Test
        void anI2cAddressOutsideTheSevenBitRangeNamesItsKeyPath() {
            assertThatThrownBy(() -> CurrentSense.fullScale(1, 0x78, 0.01))
                    .isInstanceOfSatisfying(InvalidSetting.class, e -> {
                        assertThat(e.path()).isEqualTo("gpio.sensors.current.address");
                        assertThat(e.problem()).isEqualTo("0x78 is outside 0x03..0x77 (7-bit I2C addresses)");
                    });
            assertThatThrownBy(() -> new MotionSense(1, 0x02, 10)).hasMessageStartingWith("gpio.sensors.motion.address: 0x02");
            assertThatThrownBy(() -> TemperatureSense.Ads1115Ntc.usual(1, 0x80, 0))
                    .hasMessageStartingWith("gpio.sensors.temperature.address: 0x80");
        }

        @Test
        void aButtonOnTheI2cPinsIsAPinUsedTwiceNamedAtTheSensorsBus() {
            GpioRig rig = rig(23, 24, 17, 2, 6, 13, 3600, 250);
            assertThatThrownBy(() -> rig.withSensors(RigSensors.NONE.withCurrent(ina)))
                    .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.path()).isEqualTo("gpio.sensors.current.bus"))
                    .hasMessage("gpio.sensors.current.bus: I2C bus 1 needs GPIO2 (SDA), which is already gpio.power_button_pin");
        }

        @Test
        void twoSensorsShareABusButNotAnAddress() {
            RigSensors two = RigSensors.NONE.withCurrent(ina).withMotion(new MotionSense(1, 0x68, 10))
                    .withTemperature(TemperatureSense.Ads1115Ntc.usual(1, 0x48, 0));
            assertThat(D.withSensors(two).sensors()).isEqualTo(two);
            assertThatThrownBy(() -> RigSensors.NONE.withCurrent(ina).withTemperature(TemperatureSense.Ads1115Ntc.usual(1, 0x40, 0)))
                    .hasMessage("gpio.sensors.temperature.address: 0x40 on bus 1 is already the current sensor's (gpio.sensors.current)");
        }

        @Test
        void theOneWirePinIsAPinToo() {
            assertThatThrownBy(() -> D.withSensors(RigSensors.NONE.withTemperature(
                    new TemperatureSense.Ds18b20("28-0316a2795fff", 23))))
                    .hasMessage("gpio.sensors.temperature.pin: GPIO23 is already gpio.tach_pin");
            assertThatThrownBy(() -> D.withSensors(RigSensors.NONE.withTemperature(
                    new TemperatureSense.Ds18b20("28-0316a2795fff", 18))))
                    .hasMessage("gpio.sensors.temperature.pin: GPIO18 is already the PWM output (pwm_channel 0)");
            assertThatThrownBy(() -> new TemperatureSense.Ds18b20("10-0316a2795fff", 4))
                    .hasMessageStartingWith("gpio.sensors.temperature.id: '10-0316a2795fff' is not a DS18B20 id");
        }

        @Test
        void theIna219IsCalibratedAsItsDatasheetDoes() {
            // datasheet 8.5.1, as the common "32 V, 1 A" set-up of a 0.1 Ω breakout has it: 40 µA per LSB, Cal = 10240
            CurrentSense c = new CurrentSense(1, 0x40, 0.1, 1.31072);
            assertThat(c.calibration()).isEqualTo(10240);
            assertThat(c.currentLsbAmps()).isCloseTo(40e-6, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(c.configuration()).as("160 mV range").isEqualTo(0x319F);
            // the widest range is the chip's power-on configuration; truncation is allowed for in the LSB
            CurrentSense full = CurrentSense.fullScale(1, 0x40, 0.1);
            assertThat(full.configuration()).isEqualTo(0x399F);
            assertThat(full.calibration()).isEqualTo(4194);
            assertThat(full.currentLsbAmps() * 32767).isCloseTo(3.2, org.assertj.core.data.Offset.offset(0.001));
            assertThat(CurrentSense.fullScale(1, 0x40, 0.01).maxAmps()).isCloseTo(32, org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        void aCurrentRangeTheShuntCannotMeasureIsRefused() {
            assertThatThrownBy(() -> new CurrentSense(1, 0x40, 0.1, 5))
                    .hasMessage("gpio.sensors.current.max_amps: 5 is outside 0.25..3.2 A (25..320 mV across a 0.1 Ω shunt)");
            assertThatThrownBy(() -> CurrentSense.fullScale(1, 0x40, 2))
                    .hasMessage("gpio.sensors.current.shunt_ohms: 2 is outside 0.001..1 Ω");
        }
    }

    @Nested
    class Esc {

        @Test
        void itsFrequencyIsFiftyToFourHundredHertz() {
            assertThat(MotorOutput.esc(50, 3000).escFrequencyHz()).isEqualTo(50);
            assertThat(MotorOutput.esc(400, 3000).isEsc()).isTrue();
            assertThatThrownBy(() -> MotorOutput.esc(490, 3000)).hasMessage("gpio.esc_frequency_hz: 490 is outside 50..400 Hz");
            assertThatThrownBy(() -> MotorOutput.esc(49, 3000)).hasMessage("gpio.esc_frequency_hz: 49 is outside 50..400 Hz");
            assertThatThrownBy(() -> MotorOutput.esc(50, 100)).hasMessage("gpio.esc_arming: 100ms is outside 500ms..10s");
        }

        @Test
        void dutyMapsOntoOneToTwoMilliseconds() {
            assertThat(MotorOutput.pulseMicros(0)).isEqualTo(1000);
            assertThat(MotorOutput.pulseMicros(33)).isEqualTo(1330);
            assertThat(MotorOutput.pulseMicros(100)).isEqualTo(2000);
            assertThat(MotorOutput.pulseMicros(120)).isEqualTo(2000);
            assertThat(MotorOutput.pulseMicros(-5)).isEqualTo(1000);
        }
    }
}
