package org.percuss.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.io.i2c.I2C;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.BoardGuard;
import org.percuss.device.guard.CommandOutcome;
import org.percuss.device.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Raspberry Pi rig as a {@link PercussionDevice}: hardware PWM into a motor driver (or servo
 * pulses into an RC ESC, {@link MotorOutput}), a tachometer, buttons, an emergency-stop input, an
 * enable line, a heartbeat, and the optional sensors of {@link RigSensors}, through Pi4J.
 *
 * <p>It does on the Pi what a board does behind PROTOCOL.md, with the same {@link BoardGuard}
 * (fault latch, refusals, watchdog), so the controller drives both alike:
 * <ul>
 *   <li>A sampler on the {@link Scheduler}, every {@link GpioRig#samplePeriodMillis()}, reads the
 *       tachometer and the inputs, checks the watchdog, regulates the duty ({@link DutyRegulator})
 *       and publishes a {@link Telemetry}. On a real Pi the scheduler is the wall clock's; in tests
 *       and simulations it is a virtual clock, and the pins are Pi4J's mock ({@link VirtualPi}).</li>
 *   <li>The emergency-stop input cuts the PWM and the enable line from Pi4J's event thread the
 *       moment its edge arrives, and latches {@link Fault#EMERGENCY_STOP} as a condition present
 *       while the input is active; the sampler sees it too, should an edge be missed.</li>
 *   <li>Watchdog: armed by the control loop's first command; when the loop has not commanded for
 *       {@link GpioRig#watchdogMillis()}, the motor stops and {@link Fault#COMM_TIMEOUT} latches.
 *       The heartbeat output toggles on every sample only while the loop is alive, so an external
 *       watchdog can cut the enable line when the whole Pi hangs.</li>
 *   <li>A latched fault keeps the motor stopped until a clear succeeds (not while the e-stop input
 *       is active) and a new speed is commanded. A speed outside the rig's range, or any speed
 *       while a fault is latched, is refused and the motor stopped.</li>
 *   <li>Sensors ({@link SensorBank}): each present one sets its capability and fills its
 *       telemetry fields; a sensor that fails (no answer, a stuck value, a reading it cannot mean)
 *       latches {@link Fault#INTERNAL}, stops the motor, refuses clears while it lasts, and is named
 *       in {@link #faultDetail()}: "INA219 at 0x40 on bus 1: no answer".</li>
 *   <li>Current: the INA219 sits in the supply line, so it measures the battery's current; the
 *       motor's is that divided by the duty (a PWM driver draws {@code I_supply = duty × I_motor}
 *       from the battery, power in equalling power out), as the safety rules' limits are for the
 *       winding current. Below 5 % duty the supply current is reported as it is.</li>
 * </ul>
 * Fields without their sensor are 0 and their capabilities absent. Thread-safe: one lock guards
 * the outputs and the guard.
 */
public final class GpioDevice implements PercussionDevice {

    private static final Logger LOG = LoggerFactory.getLogger(GpioDevice.class);

    /** Below this share of full duty the supply current is not divided by the duty (see the class comment). */
    static final double MIN_DIVIDING_DUTY = 0.05;

    private final Context pi4j;
    private final GpioRig rig;
    private final Scheduler scheduler;
    private final Capabilities capabilities;
    private final BoardGuard guard;
    private final MotorDrive drive;
    private final DigitalInput emergencyStop;
    private final DigitalInput power;
    private final DigitalInput plus;
    private final DigitalInput minus;
    private final DigitalOutput heartbeat;
    private final Tachometer tachometer;
    private final DutyRegulator regulator;
    private final SensorBank sensors;
    private final Ds18b20 oneWire;
    private final long openedNanos;
    private final Object lock = new Object();
    private final Scheduler.Cancellable sampler;

    private int runningPpm;
    private boolean armingNoted;
    private String sensorFailure;
    private String faultDetail = "";
    private long lastCommandNanos;
    private long lastSampleNanos;
    private boolean beat;
    private boolean closed;
    private long refusals;
    private ClearStatus clearStatus = ClearStatus.NONE;
    private volatile Telemetry telemetry;

    /**
     * Opens the sensors, claims the rig's pins on {@code parts}, takes a first sample and samples on
     * {@code scheduler} from then on, until {@link #close()}. The motor is stopped (a driver's enable
     * line low; an ESC at zero throttle, arming).
     *
     * @throws SensorOpenException when a configured sensor does not answer as it should
     */
    GpioDevice(PiParts parts, GpioRig rig, Scheduler scheduler) {
        this.pi4j = parts.pi4j();
        this.rig = rig;
        this.scheduler = scheduler;
        this.guard = new BoardGuard(rig.minPpm(), rig.maxPpm(), rig.watchdogMillis() * 1_000_000L);
        this.tachometer = new Tachometer(rig.tachPulsesPerRevolution());
        this.regulator = new DutyRegulator(rig.fullDutyPpm());
        List<RigSensor> opened = new ArrayList<>();
        EnumSet<Capability> features = rig.hasButtons() ? EnumSet.of(Capability.BUTTONS) : EnumSet.noneOf(Capability.class);
        this.oneWire = openSensors(parts, opened, features);
        boolean built = false;
        try {
        this.sensors = new SensorBank(opened, features);
        this.capabilities = new Capabilities(rig.minPpm(), rig.maxPpm(), features, rig.watchdogMillis(),
                rig.samplePeriodMillis());
        DigitalOutput enable = rig.enablePin() == GpioRig.NO_PIN ? null
                : output(PinIds.ENABLE, rig.output().isEsc() ? "ESC power" : "motor enable", rig.enablePin());
        if (rig.output().isEsc()) {
            this.drive = new MotorDrive.Esc(parts.escPulses(), enable, rig.output(), scheduler.nanos());
        } else {
            Pwm pwm = pi4j.create(Pwm.newConfigBuilder(pi4j).id(PinIds.PWM).name("motor PWM").address(rig.pwmChannel())
                    .pwmType(PwmType.HARDWARE).frequency(rig.pwmFrequencyHz()).initial(0).shutdown(0).build());
            this.drive = new MotorDrive.Driver(pwm, enable, rig.pwmFrequencyHz());
        }
        this.heartbeat = rig.heartbeatPin() == GpioRig.NO_PIN ? null : output(PinIds.HEARTBEAT, "heartbeat", rig.heartbeatPin());
        DigitalInput tachInput = input(PinIds.TACH, "tachometer", rig.tachPin(), PullResistance.PULL_UP);
        this.emergencyStop = input(PinIds.ESTOP, "emergency stop", rig.emergencyStopPin(),
                rig.emergencyStopActiveHigh() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN);
        this.power = rig.hasButtons() ? input(PinIds.POWER, "power button", rig.powerButtonPin(), PullResistance.PULL_UP) : null;
        this.plus = rig.hasButtons() ? input(PinIds.PLUS, "plus button", rig.plusButtonPin(), PullResistance.PULL_UP) : null;
        this.minus = rig.hasButtons() ? input(PinIds.MINUS, "minus button", rig.minusButtonPin(), PullResistance.PULL_UP) : null;
        tachInput.addListener(e -> {
            if (e.state() == DigitalState.HIGH) {
                tachometer.edge(scheduler.nanos());
            }
        });
        emergencyStop.addListener(e -> {
            synchronized (lock) {
                boolean active = emergencyStopActive(e.state());
                guard.setCondition(Fault.EMERGENCY_STOP, active);
                if (active) {
                    LOG.warn("gpio: the emergency-stop input went active: motor stopped, emergency stop latched");
                    apply();
                }
            }
        });
            built = true;
        } finally {
            if (!built && oneWire != null) {
                oneWire.close(); // the pins could not be claimed: stop reading the sensor
            }
        }
        this.openedNanos = scheduler.nanos();
        this.lastSampleNanos = openedNanos;
        synchronized (lock) {
            motorOff();
        }
        sample();
        Duration period = Duration.ofMillis(rig.samplePeriodMillis());
        this.sampler = scheduler.scheduleAtFixedRate(period, period, this::sampleSafely);
    }

    /** Opens each configured sensor, adding it and its capabilities; returns the DS18B20, if that is one. */
    private Ds18b20 openSensors(PiParts parts, List<RigSensor> opened, EnumSet<Capability> features) {
        RigSensors s = rig.sensors();
        Ds18b20 w1 = null;
        try {
            if (s.current().isPresent()) {
                CurrentSense c = s.current().get();
                Ina219 ina = new Ina219(c, i2c(PinIds.i2c(c.bus(), c.address()), c.name(), c.bus(), c.address()));
                open(ina, ina::open);
                opened.add(ina);
                features.add(Capability.CURRENT_SENSE);
                features.add(Capability.SUPPLY_VOLTAGE);
            }
            if (s.motion().isPresent()) {
                MotionSense m = s.motion().get();
                Mpu6050 mpu = new Mpu6050(m, i2c(PinIds.i2c(m.bus(), m.address()), m.name(), m.bus(), m.address()));
                open(mpu, mpu::open);
                opened.add(mpu);
                features.add(Capability.MOTION_SENSOR);
            }
            switch (s.temperature().orElse(null)) {
                case TemperatureSense.Ads1115Ntc a -> {
                    Ads1115Ntc adc = new Ads1115Ntc(a, i2c(PinIds.i2c(a.bus(), a.address()), a.name(), a.bus(), a.address()));
                    open(adc, adc::open);
                    opened.add(adc);
                    features.add(Capability.TEMPERATURE);
                }
                case TemperatureSense.Ds18b20 d -> {
                    w1 = new Ds18b20(d, parts.oneWireDevices(), scheduler, parts.blockingReads());
                    open(w1, w1::open);
                    opened.add(w1);
                    features.add(Capability.TEMPERATURE);
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

    private static void open(RigSensor sensor, Opening opening) {
        try {
            opening.open();
        } catch (SensorProblem p) {
            throw new SensorOpenException(sensor.name() + ": " + p.getMessage());
        }
    }

    private I2cChip i2c(String id, String name, int bus, int address) {
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id(id).name(name).bus(bus).device(address).build());
        return new I2cChip(i2c);
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.error("gpio: sampling failed, stopping the motor: {}", e.toString());
            stop();
        }
    }

    @Override
    public String name() {
        return "gpio";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public int commandSpeed(int ppm) {
        synchronized (lock) {
            if (closed) {
                throw new DeviceException("gpio: the device is closed");
            }
            long now = scheduler.nanos();
            lastCommandNanos = now;
            guard.hostPacket(now);
            CommandOutcome outcome = guard.setSpeed(ppm);
            if (outcome != CommandOutcome.ACCEPTED) {
                refusals++;
                LOG.warn("gpio: refused {} ppm: {}", ppm, outcome == CommandOutcome.OUT_OF_RANGE
                        ? "outside the rig's " + rig.minPpm() + ".." + rig.maxPpm() + " ppm"
                        : "a fault is latched (" + new FaultSet(guard.latched()).describe() + ")");
                guard.stop();
            }
            apply();
            return runningPpm;
        }
    }

    /**
     * Brings the outputs to the guard's target, at once rather than at the next sample: a decrease
     * is immediate, and a start needs its duty. An ESC that is still arming holds every start at
     * zero throttle. Holds the lock.
     */
    private void apply() {
        int target = guard.target();
        if (target == runningPpm) {
            return;
        }
        if (target == 0) {
            motorOff();
        } else if (runningPpm == 0) {
            if (!drive.ready(scheduler.nanos())) {
                if (!armingNoted) {
                    armingNoted = true;
                    LOG.info("gpio: the ESC is arming ({} ms at {} µs from the start): no speed until then",
                            rig.output().escArmingMillis(), MotorOutput.STOP_PULSE_MICROS);
                }
                return;
            }
            regulator.reset();
            runningPpm = target;
            drive.run(regulator.feedforward(target));
        } else {
            runningPpm = target;
            drive.run(regulator.update(target, tachometer.ppm(scheduler.nanos()), 0));
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            try {
                guard.stop();
                motorOff();
            } catch (RuntimeException e) {
                LOG.error("gpio: could not stop the motor: {}", e.toString());
            }
        }
    }

    @Override
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * Clears the latch at once unless the emergency-stop input is still active; the answer is
     * CLEARED from the next sample on, whose telemetry no longer shows the faults.
     */
    @Override
    public void requestClearFaults() {
        synchronized (lock) {
            if (closed) {
                throw new DeviceException("gpio: the device is closed");
            }
            int was = guard.latched();
            if (guard.clear()) {
                if (was != 0) {
                    LOG.info("gpio: cleared {}", new FaultSet(was).describe());
                }
                faultDetail = "";
                clearStatus = ClearStatus.PENDING;
            } else {
                clearStatus = ClearStatus.REFUSED;
            }
        }
    }

    @Override
    public ClearStatus clearStatus() {
        synchronized (lock) {
            return clearStatus;
        }
    }

    /** Which sensor failed, and how, while {@link Fault#INTERNAL} is latched for it; else empty. */
    @Override
    public String faultDetail() {
        synchronized (lock) {
            return faultDetail;
        }
    }

    /** How many commanded speeds the rig refused. */
    public long refusals() {
        synchronized (lock) {
            return refusals;
        }
    }

    /**
     * One sample: the tachometer, the inputs, the watchdog, the regulator, the heartbeat, and a new
     * {@link Telemetry}. Runs on the scheduler every sample period.
     */
    void sample() {
        synchronized (lock) {
            if (closed) {
                return; // a sample racing close() must not touch released pins
            }
            long now = scheduler.nanos();
            double dt = (now - lastSampleNanos) / 1e9;
            lastSampleNanos = now;
            int measured = tachometer.ppm(now);
            boolean estop = emergencyStopActive(emergencyStop.state());
            guard.setCondition(Fault.EMERGENCY_STOP, estop);
            if (guard.checkWatchdog(now)) {
                LOG.warn("gpio: no command for {} ms (watchdog {} ms): motor stopped, communication timeout latched",
                        (now - lastCommandNanos) / 1_000_000L, rig.watchdogMillis());
            }
            // the duty the sensors' readings were taken at, before this sample changes it
            double duty = drive.dutyPercent() / 100.0;
            Readings readings = sensors.readings();
            readings.motorRunning = runningPpm != 0;
            String failure = sensors.sample(now);
            if (failure != null && !failure.equals(sensorFailure)) {
                LOG.error("gpio: {}: motor stopped, internal fault latched", failure);
                faultDetail = failure;
            }
            sensorFailure = failure;
            guard.setDetected(failure != null ? Fault.INTERNAL.mask() : 0);
            boolean wasRunning = runningPpm != 0;
            apply();
            if (runningPpm != 0 && wasRunning) { // a start made here (an ESC just armed) puts out its feedforward first
                drive.run(regulator.update(runningPpm, measured, dt));
            }
            if (heartbeat != null && guard.armed()) {
                beat = !beat;
                heartbeat.state(beat ? DigitalState.HIGH : DigitalState.LOW);
            }
            Inputs inputs = Inputs.NONE.with(Input.EMERGENCY_STOP, estop)
                    .with(Input.MOTION, capabilities.has(Capability.MOTION_SENSOR) && readings.moving);
            if (power != null) {
                inputs = inputs.with(Input.POWER_BUTTON, power.state() == DigitalState.LOW)
                        .with(Input.PLUS_BUTTON, plus.state() == DigitalState.LOW)
                        .with(Input.MINUS_BUTTON, minus.state() == DigitalState.LOW);
            }
            double motorAmps = duty >= MIN_DIVIDING_DUTY ? readings.supplyAmps / duty : readings.supplyAmps;
            telemetry = new Telemetry(now, measured, motorAmps, readings.temperatureCelsius, readings.supplyVolts, inputs,
                    new FaultSet(guard.latched()), (now - openedNanos) / 1_000_000L);
            if (clearStatus == ClearStatus.PENDING) {
                clearStatus = ClearStatus.CLEARED;
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            guard.stop();
            motorOff();
            drive.release();
            closed = true;
            sampler.cancel();
            if (oneWire != null) {
                oneWire.close();
            }
            if (heartbeat != null) {
                heartbeat.state(DigitalState.LOW);
            }
        }
        try {
            pi4j.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("gpio: releasing the pins failed: {}", e.toString());
        }
    }

    private void motorOff() {
        runningPpm = 0;
        drive.stop();
        regulator.reset();
    }

    private boolean emergencyStopActive(DigitalState state) {
        return rig.emergencyStopActiveHigh() ? state == DigitalState.HIGH : state == DigitalState.LOW;
    }

    private DigitalOutput output(String id, String name, int pin) {
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(name).address(pin)
                .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
    }

    private DigitalInput input(String id, String name, int pin, PullResistance pull) {
        return pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(name).address(pin).pull(pull)
                .debounce(0L).build());
    }
}
