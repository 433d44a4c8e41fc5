package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GpioRigTest {

    private static final GpioRig D = GpioRig.DEFAULT;

    private static GpioRig rig(int tach, int enable, int estop, int power, int plus, int minus, int fullDuty, int watchdog) {
        return new GpioRig(D.pwmChannel(), D.pwmFrequencyHz(), tach, D.tachPulsesPerRevolution(), fullDuty, D.minPpm(),
                D.maxPpm(), enable, D.heartbeatPin(), estop, true, power, plus, minus, watchdog, D.samplePeriodMillis());
    }

    @Test
    void twoJobsOnOnePinAreRefusedNamingBoth() {
        assertThatThrownBy(() -> rig(23, 23, 17, 5, 6, 13, 3600, 250))
                .hasMessage("enable_pin: GPIO23 is already tach_pin");
    }

    @Test
    void aPinOnThePwmOutputIsRefused() {
        assertThatThrownBy(() -> rig(18, 24, 17, 5, 6, 13, 3600, 250))
                .hasMessage("tach_pin: GPIO18 is the PWM output of pwm_channel 0");
    }

    @Test
    void onAPi5Gpio18IsChannelTwo() {
        assertThatThrownBy(() -> new GpioRig(2, D.pwmFrequencyHz(), 18, D.tachPulsesPerRevolution(), D.fullDutyPpm(),
                D.minPpm(), D.maxPpm(), D.enablePin(), D.heartbeatPin(), D.emergencyStopPin(), true, D.powerButtonPin(),
                D.plusButtonPin(), D.minusButtonPin(), D.watchdogMillis(), D.samplePeriodMillis()))
                .hasMessage("tach_pin: GPIO18 is the PWM output of pwm_channel 2");
        assertThatThrownBy(() -> new GpioRig(4, D.pwmFrequencyHz(), D.tachPin(), D.tachPulsesPerRevolution(), D.fullDutyPpm(),
                D.minPpm(), D.maxPpm(), D.enablePin(), D.heartbeatPin(), D.emergencyStopPin(), true, D.powerButtonPin(),
                D.plusButtonPin(), D.minusButtonPin(), D.watchdogMillis(), D.samplePeriodMillis()))
                .hasMessage("pwm_channel: 4 is outside 0..3");
    }

    @Test
    void aPinOffTheHeaderIsRefused() {
        assertThatThrownBy(() -> rig(23, 24, 40, 5, 6, 13, 3600, 250))
                .hasMessage("emergency_stop_pin: 40 is not a BCM GPIO pin (0..27)");
    }

    @Test
    void buttonsAreAllThreeOrNone() {
        assertThatThrownBy(() -> rig(23, 24, 17, 5, GpioRig.NO_PIN, 13, 3600, 250))
                .hasMessageContaining("all three or none");
    }

    @Test
    void theMotorMustReachTheTopSpeedAtFullDuty() {
        assertThatThrownBy(() -> rig(23, 24, 17, 5, 6, 13, 3000, 250))
                .hasMessage("full_duty_ppm: 3000 is outside 3400..20000");
    }

    @Test
    void theWatchdogMustOutlastThreeSamples() {
        assertThatThrownBy(() -> rig(23, 24, 17, 5, 6, 13, 3600, 50))
                .hasMessage("watchdog_ms: 50 is outside 60..2000");
    }
}
