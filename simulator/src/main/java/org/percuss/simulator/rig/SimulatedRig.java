package org.percuss.simulator.rig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.percuss.device.api.Input;
import org.percuss.device.gpio.CurrentSense;
import org.percuss.device.gpio.GpioDevice;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.I2cRegisters;
import org.percuss.device.gpio.MotionSense;
import org.percuss.device.gpio.MotorOutput;
import org.percuss.device.gpio.NtcDivider;
import org.percuss.device.gpio.RigSensors;
import org.percuss.device.gpio.TemperatureSense;
import org.percuss.device.gpio.VirtualI2c;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.Hardware;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.HandMotion;
import org.percuss.simulator.physics.Sensors;

/**
 * A Raspberry Pi rig that is not there, closed around the simulator's physics: the real
 * {@link GpioDevice} on a {@link VirtualPi}'s mock pins and I2C bus drives the {@link GunPlant}
 * through its PWM and enable line (or an ESC's pulses), and the plant answers with tachometer
 * pulses and the sensors' registers, all on one virtual clock. What {@code simulate --transport gpio}
 * runs and the rig's tests use.
 *
 * <p>Every {@link #PHYSICS_STEP} the plant steps with the output's duty (a driver's PWM duty while
 * its enable line is high; an armed {@link HobbyEsc}'s throttle), then:
 * <ul>
 *   <li>the tachometer, through the {@link Sensors} (so a lost or noisy tachometer is injectable),
 *       turns {@code p} pulses per revolution:
 *       <pre>
 *   pulses += rpm / 60 · p · dt,   one pulse per whole step of the count, at the instant it crosses
 *       </pre>
 *       with the crossing instant interpolated inside the step, so the device sees edges at their
 *       true times;</li>
 *   <li>an INA219 in the supply line converts the supply's current, {@code duty · I_motor +
 *       I_quiescent} (the driver's power balance, as {@link GunPlant} has it, with the measured
 *       winding current's noise), and the pack's voltage ({@link Ina219Chip});</li>
 *   <li>an MPU-6050 feels the hand's {@link HandMotion} (the scenario's {@code moving}) and the
 *       percussion's vibration ({@link Mpu6050Chip});</li>
 *   <li>an NTC on the winding, in its divider, is converted by an ADS1115 every 8 ms (its 128
 *       samples/s); or a DS18B20's 1-wire file is written every 750 ms (its 12-bit conversion time),
 *       in 1/16 °C, from the thermal model through the measured temperature's noise.</li>
 * </ul>
 */
public final class SimulatedRig implements Hardware {

    /** The physics step, as the simulated board's. */
    public static final Duration PHYSICS_STEP = Duration.ofMillis(1);
    private static final double DT = PHYSICS_STEP.toNanos() / 1e9;
    /** How long the simulated ESC needs zero throttle to arm; the rig's default arming time is longer. */
    public static final Duration ESC_ARMING = Duration.ofSeconds(2);
    /** The shunt of the simulated rig's INA219: 32 A full scale, 1 mA per LSB. */
    public static final double SHUNT_OHMS = 0.01;

    private final VirtualClock clock;
    private final GunPlant plant;
    private final Sensors sensors;
    private final HandMotion hand = new HandMotion(true);
    private final double[] rates = new double[3];
    private final VirtualI2c i2c = new VirtualI2c();
    private final Ina219Chip ina;
    private final Mpu6050Chip mpu;
    private final Ads1115Chip adc;
    private final TemperatureSense.Ads1115Ntc adcSense;
    private final NtcDivider ntc;
    private final Path oneWireFile;
    private final HobbyEsc esc;
    private final VirtualPi pi;
    private double pulses;
    private long steps;
    private double duty;

    /** The rig {@code rig} driving {@code plant}, powered up now on {@code clock}, with no 1-wire sensor. */
    public SimulatedRig(VirtualClock clock, GpioRig rig, GunPlant plant, Sensors sensors) {
        this(clock, rig, plant, sensors, Path.of("/nonexistent/w1/devices"));
    }

    /**
     * The rig {@code rig} driving {@code plant}, powered up now on {@code clock}: each of its sensors
     * is there and answering (a DS18B20's files under {@code oneWireDevices}, which stands for
     * {@code /sys/bus/w1/devices}).
     */
    public SimulatedRig(VirtualClock clock, GpioRig rig, GunPlant plant, Sensors sensors, Path oneWireDevices) {
        this.clock = clock;
        this.plant = plant;
        this.sensors = sensors;
        RigSensors s = rig.sensors();
        this.ina = s.current().map(c -> new Ina219Chip(i2c.attach(c.bus(), c.address(), 2), c.shuntOhms())).orElse(null);
        this.mpu = s.motion().map(m -> new Mpu6050Chip(i2c.attach(m.bus(), m.address(), 1), sensors)).orElse(null);
        this.adcSense = s.temperature().orElse(null) instanceof TemperatureSense.Ads1115Ntc a ? a : null;
        this.adc = adcSense == null ? null : new Ads1115Chip(i2c.attach(adcSense.bus(), adcSense.address(), 2));
        this.ntc = adcSense == null ? null : adcSense.divider();
        this.oneWireFile = s.temperature().orElse(null) instanceof TemperatureSense.Ds18b20 d
                ? oneWireDevices.resolve(d.id()).resolve("temperature") : null;
        this.esc = rig.output().isEsc() ? new HobbyEsc(ESC_ARMING.toNanos()) : null;
        if (oneWireFile != null) {
            try {
                Files.createDirectories(oneWireFile.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        convert(); // the chips hold a first conversion when the rig opens
        this.pi = new VirtualPi(rig, clock, i2c, oneWireDevices);
        clock.scheduleAtFixedRate(PHYSICS_STEP, PHYSICS_STEP, this::step);
    }

    /**
     * A rig for the simulated gun's motor: the default wiring, with the speed at full duty this
     * motor reaches on the pack's present voltage with no load (the regulator's feedforward scale;
     * friction and load make up the difference through its integral), and every sensor: an INA219
     * at 0x40 with a 10 mΩ shunt, an MPU-6050 at 0x68 and an NTC on an ADS1115 at 0x48, all on bus 1.
     */
    public static GpioRig rigFor(GunPlant plant) {
        GpioRig d = GpioRig.DEFAULT;
        int fullDuty = (int) Math.round(plant.parameters().motor().freeSpeedRpm(plant.supplyVolts()));
        return new GpioRig(d.pwmChannel(), d.pwmFrequencyHz(), d.tachPin(), d.tachPulsesPerRevolution(),
                Math.max(fullDuty, d.maxPpm()), d.minPpm(), d.maxPpm(), d.enablePin(), d.heartbeatPin(),
                d.emergencyStopPin(), d.emergencyStopActiveHigh(), d.powerButtonPin(), d.plusButtonPin(),
                d.minusButtonPin(), d.watchdogMillis(), d.samplePeriodMillis(), MotorOutput.DRIVER, allSensors());
    }

    /** The sensors of {@link #rigFor}. */
    public static RigSensors allSensors() {
        return new RigSensors(Optional.of(CurrentSense.fullScale(1, CurrentSense.DEFAULT_ADDRESS, SHUNT_OHMS)),
                Optional.of(new MotionSense(1, MotionSense.DEFAULT_ADDRESS, MotionSense.DEFAULT_THRESHOLD_DPS)),
                Optional.of(TemperatureSense.Ads1115Ntc.usual(1, TemperatureSense.Ads1115Ntc.DEFAULT_ADDRESS, 0)));
    }

    private void step() {
        duty = esc != null ? esc.duty(clock.nanos(), pi.enabled(), pi.escPulseMicros()) : pi.enabled() ? pi.duty() : 0;
        plant.step(DT, duty);
        double rate = sensors.tachometerRpm(plant) / 60.0 * pi.rig().tachPulsesPerRevolution();
        double before = pulses;
        pulses += rate * DT;
        double next = Math.floor(before) + 1;
        while (next <= pulses) {
            long at = (long) ((next - before) / rate * 1e9); // into this step
            clock.schedule(Duration.ofNanos(Math.max(0, at)), pi::tachPulse);
            next++;
        }
        if (pulses > 1e9) {
            pulses -= Math.floor(pulses);
        }
        steps++;
        convert();
    }

    /** The sensors' chips convert what the plant does now, each at its own rate. */
    private void convert() {
        if (ina != null) {
            ina.convert(duty * sensors.currentAmps(plant) + GunPlant.QUIESCENT_AMPS, sensors.supplyVolts(plant));
        }
        if (mpu != null) {
            hand.rates(clock.nanos() / 1e9, DT, plant.speedRpm(), rates);
            mpu.step(rates, plant.temperatureCelsius());
        }
        if (adc != null && steps % 8 == 0) {
            adc.convert(adcSense.channel(), ntc.volts(sensors.temperatureCelsius(plant)));
        }
        if (oneWireFile != null && steps % 750 == 0) {
            long sixteenths = Math.round(sensors.temperatureCelsius(plant) * 16);
            try {
                if (Files.isDirectory(oneWireFile.getParent())) {
                    Files.writeString(oneWireFile, (sixteenths * 1000 / 16) + "\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the simulated DS18B20 cannot write " + oneWireFile, e);
            }
        }
    }

    /** The rig as the controller drives it. */
    public GpioDevice device() {
        return pi.device();
    }

    /** Its pins, as the world outside sees them. */
    public VirtualPi pi() {
        return pi;
    }

    /** The registers of the chip at {@code address} on {@code bus}, to silence it ({@link I2cRegisters#setAnswering}). */
    public I2cRegisters chip(int bus, int address) {
        return i2c.chip(bus, address);
    }

    /** The INA219 stops converting (its registers keep the last result), or converts again. */
    public void freezeCurrentSensor(boolean frozen) {
        ina.setConverting(!frozen);
    }

    /** Whether the ESC has armed (false for a rig with a motor driver). */
    public boolean escArmed() {
        return esc != null && esc.armed();
    }

    /** The duty the motor gets now, 0..1: the driver's PWM, or the ESC's throttle. */
    public double motorDuty() {
        return duty;
    }

    @Override
    public GunPlant plant() {
        return plant;
    }

    @Override
    public Sensors sensors() {
        return sensors;
    }

    /** The e-stop and the buttons act on the pins; moving sweeps the hand the motion sensor feels. */
    @Override
    public void setInput(Input input, boolean active) {
        switch (input) {
            case EMERGENCY_STOP -> pi.pressEmergencyStop(active);
            case POWER_BUTTON, PLUS_BUTTON, MINUS_BUTTON -> pi.press(input, active);
            case MOTION -> hand.setMoving(active, clock.nanos() / 1e9);
        }
    }

    /** The rig's controller is the Pi itself, which a brown-out would take down with the host. */
    @Override
    public void reset(Duration resetTime) {
        throw new UnsupportedOperationException("a rig has no board to reset: the Pi is the host");
    }
}
