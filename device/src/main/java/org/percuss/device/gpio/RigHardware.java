package org.percuss.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.time.Scheduler;

/**
 * A rig's hardware as {@link GpioRig} wires it, claimed through Pi4J for a {@link GpioDevice}: the
 * configured sensors opened (each checked as it opens), the motor output (a driver's PWM and
 * enable line, or an ESC's pulses), the heartbeat output, and the tachometer, emergency-stop and
 * button inputs, with the capabilities they give. Claiming is all it does: what the device does with
 * them is {@link GpioDevice}'s. Outputs start LOW and go LOW at Pi4J's shutdown; inputs are not
 * debounced (the tachometer's edges are the measurement).
 *
 * @param drive the motor output, stopped
 * @param heartbeat the heartbeat output, or null when the rig has none
 * @param tachometer the tachometer input
 * @param emergencyStop the emergency-stop input
 * @param emergencyStopActiveHigh whether that input is active HIGH (else LOW)
 * @param buttons the power, plus and minus buttons, or null when the rig has none
 * @param sensors the opened sensors
 * @param oneWire the DS18B20 among them, or null: its reads run on a thread that must be stopped
 * @param capabilities the rig's speed range, watchdog and sample period, and what its buttons and
 *        sensors let it sense
 */
record RigHardware(MotorDrive drive, DigitalOutput heartbeat, DigitalInput tachometer, DigitalInput emergencyStop,
                   boolean emergencyStopActiveHigh, Buttons buttons, SensorBank sensors, Ds18b20 oneWire, Capabilities capabilities) {

    /**
     * The three buttons, pressed when LOW (pulled up, a press grounds them).
     *
     * @param power starts and pauses
     * @param plus a level up
     * @param minus a level down
     */
    record Buttons(DigitalInput power, DigitalInput plus, DigitalInput minus) {

        /** {@code inputs} with the buttons' states. */
        Inputs onto(Inputs inputs) {
            return inputs.with(Input.POWER_BUTTON, power.state() == DigitalState.LOW)
                    .with(Input.PLUS_BUTTON, plus.state() == DigitalState.LOW)
                    .with(Input.MINUS_BUTTON, minus.state() == DigitalState.LOW);
        }
    }

    /** Whether the emergency-stop input is active in {@code state}. */
    boolean emergencyStopActive(DigitalState state) {
        return emergencyStopActiveHigh ? state == DigitalState.HIGH : state == DigitalState.LOW;
    }

    /**
     * The inputs as a sample reports them: the emergency stop ({@code estop}), the motion sensor's
     * verdict when there is one, and the buttons when there are.
     */
    Inputs inputs(boolean estop, Readings readings) {
        Inputs inputs = Inputs.NONE.with(Input.EMERGENCY_STOP, estop)
                .with(Input.MOTION, capabilities.has(Capability.MOTION_SENSOR) && readings.moving);
        return buttons == null ? inputs : buttons.onto(inputs);
    }

    /**
     * Opens the sensors of {@code rig} and claims its pins on {@code parts}.
     *
     * @param scheduler the DS18B20's clock, and an ESC's arming time
     * @throws SensorOpenException when a configured sensor does not answer as it should
     */
    static RigHardware claim(PiParts parts, GpioRig rig, Scheduler scheduler) {
        Context pi4j = parts.pi4j();
        List<RigSensor> opened = new ArrayList<>();
        EnumSet<Capability> features = rig.hasButtons() ? EnumSet.of(Capability.BUTTONS) : EnumSet.noneOf(Capability.class);
        Ds18b20 oneWire = openSensors(parts, rig.sensors(), scheduler, opened, features);
        try {
            DigitalOutput enable = rig.enablePin() == GpioRig.NO_PIN ? null
                    : output(pi4j, PinIds.ENABLE, rig.output().isEsc() ? "ESC power" : "motor enable", rig.enablePin());
            MotorDrive drive;
            if (rig.output().isEsc()) {
                drive = new MotorDrive.Esc(parts.escPulses(), enable, rig.output(), scheduler.nanos());
            } else {
                Pwm pwm = pi4j.create(Pwm.newConfigBuilder(pi4j).id(PinIds.PWM).name("motor PWM").address(rig.pwmChannel())
                        .pwmType(PwmType.HARDWARE).frequency(rig.pwmFrequencyHz()).initial(0).shutdown(0).build());
                drive = new MotorDrive.Driver(pwm, enable, rig.pwmFrequencyHz());
            }
            DigitalOutput heartbeat = rig.heartbeatPin() == GpioRig.NO_PIN ? null
                    : output(pi4j, PinIds.HEARTBEAT, "heartbeat", rig.heartbeatPin());
            DigitalInput tach = input(pi4j, PinIds.TACH, "tachometer", rig.tachPin(), PullResistance.PULL_UP);
            DigitalInput estop = input(pi4j, PinIds.ESTOP, "emergency stop", rig.emergencyStopPin(),
                    rig.emergencyStopActiveHigh() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN);
            Buttons buttons = !rig.hasButtons() ? null : new Buttons(
                    input(pi4j, PinIds.POWER, "power button", rig.powerButtonPin(), PullResistance.PULL_UP),
                    input(pi4j, PinIds.PLUS, "plus button", rig.plusButtonPin(), PullResistance.PULL_UP),
                    input(pi4j, PinIds.MINUS, "minus button", rig.minusButtonPin(), PullResistance.PULL_UP));
            return new RigHardware(drive, heartbeat, tach, estop, rig.emergencyStopActiveHigh(), buttons, new SensorBank(opened, features), oneWire,
                    new Capabilities(rig.minPpm(), rig.maxPpm(), features, rig.watchdogMillis(), rig.samplePeriodMillis()));
        } catch (RuntimeException e) {
            if (oneWire != null) {
                oneWire.close(); // the pins could not be claimed: stop reading the sensor
            }
            throw e;
        }
    }

    /** Opens each configured sensor, adding it and its capabilities; returns the DS18B20, if that is one. */
    private static Ds18b20 openSensors(PiParts parts, RigSensors s, Scheduler scheduler, List<RigSensor> opened,
                                       EnumSet<Capability> features) {
        Context pi4j = parts.pi4j();
        Ds18b20 w1 = null;
        try {
            if (s.current().isPresent()) {
                CurrentSense c = s.current().get();
                Ina219 ina = new Ina219(c, i2c(pi4j, c.name(), c.bus(), c.address()));
                add(ina, ina::open, opened, features, Capability.CURRENT_SENSE, Capability.SUPPLY_VOLTAGE);
            }
            if (s.motion().isPresent()) {
                MotionSense m = s.motion().get();
                Mpu6050 mpu = new Mpu6050(m, i2c(pi4j, m.name(), m.bus(), m.address()));
                add(mpu, mpu::open, opened, features, Capability.MOTION_SENSOR);
            }
            switch (s.temperature().orElse(null)) {
                case TemperatureSense.Ads1115Ntc a -> {
                    Ads1115Ntc adc = new Ads1115Ntc(a, i2c(pi4j, a.name(), a.bus(), a.address()));
                    add(adc, adc::open, opened, features, Capability.TEMPERATURE);
                }
                case TemperatureSense.Ds18b20 d -> {
                    w1 = new Ds18b20(d, parts.oneWireDevices(), scheduler, parts.blockingReads());
                    add(w1, w1::open, opened, features, Capability.TEMPERATURE);
                }
                case null -> {
                }
            }
        } catch (RuntimeException e) {
            if (w1 != null) {
                w1.close();
            }
            throw e;
        }
        return w1;
    }

    /** Opening a sensor, which may find it wanting. */
    private interface Opening {
        void open() throws SensorProblem;
    }

    /** Opens {@code sensor}, then adds it to {@code opened} and what it senses to {@code features}. */
    private static void add(RigSensor sensor, Opening opening, List<RigSensor> opened, EnumSet<Capability> features,
                            Capability... senses) {
        try {
            opening.open();
        } catch (SensorProblem p) {
            throw new SensorOpenException(sensor.name() + ": " + p.getMessage());
        }
        opened.add(sensor);
        features.addAll(List.of(senses));
    }

    private static I2cChip i2c(Context pi4j, String name, int bus, int address) {
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id(PinIds.i2c(bus, address)).name(name).bus(bus).device(address)
                .build());
        return new I2cChip(i2c);
    }

    private static DigitalOutput output(Context pi4j, String id, String name, int pin) {
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(name).address(pin)
                .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
    }

    private static DigitalInput input(Context pi4j, String id, String name, int pin, PullResistance pull) {
        return pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(name).address(pin).pull(pull)
                .debounce(0L).build());
    }
}
