package org.percuss.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;

/**
 * A {@link GpioDevice} on Pi4J's mock plugin and a hand-advanced clock, with a tiny motor that
 * answers the PWM: the tests' Raspberry Pi.
 */
final class MockRig {

    final Context pi4j = Pi4J.newContextBuilder()
            .add(MockPwmProvider.newInstance(), MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    final GpioRig rig;
    long now = 1_000_000_000L;
    final GpioDevice device;
    /** The motor's speed as a fraction of {@code fullDutyPpm * duty}: 1 unloaded, less under load. */
    double load = 1.0;
    /** Whether the tachometer's wire is connected. */
    boolean tachConnected = true;
    private double revolutions;
    private double speedPpm;
    private DigitalState tachLevel = DigitalState.LOW;

    MockRig() {
        this(GpioRig.DEFAULT);
    }

    MockRig(GpioRig rig) {
        this.rig = rig;
        // the e-stop reads inactive and the buttons released before the device looks at them
        this.device = new GpioDevice(pi4j, rig, () -> now);
        estop().mockState(rig.emergencyStopActiveHigh() ? DigitalState.LOW : DigitalState.HIGH);
        if (rig.hasButtons()) {
            button(rig.powerButtonPin()).mockState(DigitalState.HIGH);
            button(rig.plusButtonPin()).mockState(DigitalState.HIGH);
            button(rig.minusButtonPin()).mockState(DigitalState.HIGH);
        }
        device.requestClearFaults(); // an active-low e-stop read active before its pin was set
        device.sample();
    }

    MockPwm pwm() {
        return pi4j.io("percuss-pwm", MockPwm.class);
    }

    MockDigitalOutput enable() {
        return pi4j.io("percuss-enable", MockDigitalOutput.class);
    }

    MockDigitalOutput heartbeat() {
        return pi4j.io("percuss-heartbeat", MockDigitalOutput.class);
    }

    MockDigitalInput estop() {
        return pi4j.io("percuss-estop", MockDigitalInput.class);
    }

    MockDigitalInput button(int pin) {
        String id = pin == rig.powerButtonPin() ? "percuss-power" : pin == rig.plusButtonPin() ? "percuss-plus" : "percuss-minus";
        return pi4j.io(id, MockDigitalInput.class);
    }

    /** The duty the PWM puts out now, 0 when off. */
    int duty() {
        return pwm().isOn() ? pwm().dutyCycle() : 0;
    }

    void pressEstop(boolean pressed) {
        boolean high = pressed == rig.emergencyStopActiveHigh();
        estop().mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /**
     * Advances the clock by {@code millis} in 1 ms steps: the motor follows the PWM with a 100 ms
     * time constant, the tachometer pulses as it turns, and the device samples on its period.
     */
    void advance(long millis) {
        for (long i = 0; i < millis; i++) {
            now += 1_000_000L;
            double goal = load * rig.fullDutyPpm() * duty() / 100.0;
            speedPpm += (goal - speedPpm) * 0.01; // dt / tau = 1 ms / 100 ms
            double before = revolutions;
            revolutions += speedPpm / 60_000.0 * rig.tachPulsesPerRevolution();
            if (tachConnected && Math.floor(revolutions) > Math.floor(before)) {
                tach(DigitalState.HIGH);
                tach(DigitalState.LOW);
            }
            if ((now / 1_000_000L) % rig.samplePeriodMillis() == 0) {
                device.sample();
            }
        }
    }

    /** Advances like {@link #advance}, commanding {@code ppm} every 10 ms as the control loop does. */
    void run(int ppm, long millis) {
        for (long t = 0; t < millis; t += 10) {
            device.commandSpeed(ppm);
            advance(10);
        }
    }

    double speedPpm() {
        return speedPpm;
    }

    private void tach(DigitalState level) {
        tachLevel = level;
        pi4j.io("percuss-tach", MockDigitalInput.class).mockState(tachLevel);
    }
}
