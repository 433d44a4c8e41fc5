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
import java.nio.file.Path;
import org.percuss.device.api.Input;
import org.percuss.device.time.Scheduler;

/**
 * A Raspberry Pi that is not there: a {@link GpioDevice} on Pi4J's mock plugin, with the rig's pins
 * as the world outside would drive them — the PWM duty (or the ESC's pulse) and the enable line to
 * read, the tachometer, the e-stop and the buttons to set, the sensors' chips on a
 * {@link VirtualI2c} and the 1-wire devices in a directory of files. The tests' Pi and the
 * simulator's (which closes the loop with its motor physics, {@code simulate --transport gpio});
 * the only way code outside this package touches Pi4J. Input events are delivered on the caller's
 * thread, at once, and a DS18B20 is read on the scheduler's thread, so in virtual time everything
 * is deterministic.
 */
public final class VirtualPi implements AutoCloseable {

    private final GpioRig rig;
    private final Context pi4j;
    private final Pulses pulses = new Pulses();
    private final GpioDevice device;

    /** The rig {@code rig} on mock pins, sampled on {@code scheduler}, with no chips on its I2C buses. */
    public VirtualPi(GpioRig rig, Scheduler scheduler) {
        this(rig, scheduler, new VirtualI2c(), Path.of("/nonexistent/w1/devices"));
    }

    /**
     * The rig {@code rig} on mock pins, sampled on {@code scheduler}: the e-stop reads inactive and
     * the buttons released before anything else happens.
     *
     * @param i2c the chips on its I2C buses, attached and answering as the rig opens
     * @param oneWireDevices the directory that stands for {@code /sys/bus/w1/devices}
     * @throws SensorOpenException when a sensor of the rig is not on {@code i2c} or {@code oneWireDevices}
     */
    public VirtualPi(GpioRig rig, Scheduler scheduler, VirtualI2c i2c, Path oneWireDevices) {
        this.rig = rig;
        this.pi4j = Pi4J.newContextBuilder().add(MockPwmProvider.newInstance(), MockDigitalInputProvider.newInstance(),
                MockDigitalOutputProvider.newInstance(), new VirtualI2cProvider(i2c)).build();
        try {
            this.device = new GpioDevice(new PiParts(pi4j, rig.output().isEsc() ? pulses : ServoPulses.NONE, oneWireDevices,
                    Runnable::run), rig, scheduler);
        } catch (RuntimeException e) {
            pi4j.shutdown();
            throw e;
        }
        pressEmergencyStop(false);
        if (rig.hasButtons()) {
            for (Input b : new Input[] {Input.POWER_BUTTON, Input.PLUS_BUTTON, Input.MINUS_BUTTON}) {
                press(b, false);
            }
        }
        if (device.telemetry().faults().bits() != 0) {
            device.requestClearFaults(); // an active-low e-stop read active before its pin was set
        }
        device.sample(); // the first report saw the pins before they were set: buttons "held"
        if (device.telemetry().faults().bits() != 0) {
            throw new IllegalStateException("the virtual Pi's e-stop did not clear");
        }
    }

    /** The rig as the controller drives it. */
    public GpioDevice device() {
        return device;
    }

    public GpioRig rig() {
        return rig;
    }

    private boolean released() {
        return !pi4j.registry().exists(PinIds.TACH);
    }

    /** The PWM duty the Pi puts out to a motor driver now, 0..1 (0 when off, for an ESC, or once the pins are released). */
    public double duty() {
        if (rig.output().isEsc() || released()) {
            return 0;
        }
        MockPwm pwm = pi4j.io(PinIds.PWM, MockPwm.class);
        return pwm.isOn() ? pwm.dutyCycle() / 100.0 : 0;
    }

    /** The PWM frequency the Pi was set to, hertz (the ESC's pulse rate for an ESC). */
    public int pwmFrequencyHz() {
        return rig.output().isEsc() ? pulses.frequencyHz : pi4j.io(PinIds.PWM, MockPwm.class).frequency();
    }

    /** The pulse the Pi puts out to an ESC now, microseconds; 0 for a rig with a motor driver. */
    public int escPulseMicros() {
        return pulses.micros();
    }

    /** Whether the motor driver is enabled, or the ESC powered (always true for a rig without an enable line). */
    public boolean enabled() {
        if (released()) {
            return false;
        }
        return rig.enablePin() == GpioRig.NO_PIN || output(PinIds.ENABLE).state() == DigitalState.HIGH;
    }

    /** The heartbeat output's level (false for a rig without one). */
    public boolean heartbeat() {
        return rig.heartbeatPin() != GpioRig.NO_PIN && pi4j.registry().exists(PinIds.HEARTBEAT)
                && output(PinIds.HEARTBEAT).state() == DigitalState.HIGH;
    }

    /** The emergency-stop switch pressed (or a wire cut) or released. */
    public void pressEmergencyStop(boolean pressed) {
        input(PinIds.ESTOP).mockState(pressed == rig.emergencyStopActiveHigh() ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** A button held or released (buttons pull to ground). */
    public void press(Input button, boolean held) {
        String id = switch (button) {
            case POWER_BUTTON -> PinIds.POWER;
            case PLUS_BUTTON -> PinIds.PLUS;
            case MINUS_BUTTON -> PinIds.MINUS;
            default -> throw new IllegalArgumentException(button + " is not a button");
        };
        if (!rig.hasButtons()) {
            throw new IllegalStateException("this rig has no buttons");
        }
        input(id).mockState(held ? DigitalState.LOW : DigitalState.HIGH);
    }

    /** One tachometer pulse, now: a rising edge and a falling one. */
    public void tachPulse() {
        if (released()) {
            return;
        }
        MockDigitalInput tach = input(PinIds.TACH);
        tach.mockState(DigitalState.HIGH);
        tach.mockState(DigitalState.LOW);
    }

    private MockDigitalInput input(String id) {
        return pi4j.io(id, MockDigitalInput.class);
    }

    private MockDigitalOutput output(String id) {
        return pi4j.io(id, MockDigitalOutput.class);
    }

    /** Releases the pins (the device stops the motor first). */
    @Override
    public void close() {
        device.close();
    }

    /** The ESC's output, in memory: what the Pi's PWM channel would put out. */
    private static final class Pulses implements ServoPulses {
        private volatile int frequencyHz;
        private volatile int micros;

        @Override
        public void pulse(int frequency, int pulseMicros) {
            frequencyHz = frequency;
            micros = pulseMicros;
        }

        @Override
        public int micros() {
            return micros;
        }
    }
}
