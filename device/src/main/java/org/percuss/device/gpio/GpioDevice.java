package org.percuss.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
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
 *   <li>Current: the INA219 measures the supply's; the motor's is derived from it and the duty
 *       ({@link Readings#motorAmps}).</li>
 * </ul>
 * Fields without their sensor are 0 and their capabilities absent. The pins and sensors are claimed
 * by {@link RigHardware}; the motor output is driven by {@link MotorControl}. Thread-safe: one lock
 * guards the outputs and the guard.
 */
public final class GpioDevice implements PercussionDevice {

    private static final Logger LOG = LoggerFactory.getLogger(GpioDevice.class);

    private final Context pi4j;
    private final GpioRig rig;
    private final Scheduler scheduler;
    private final RigHardware hw;
    private final BoardGuard guard;
    private final MotorControl motor;
    private final Tachometer tachometer;
    private final long openedNanos;
    private final Object lock = new Object();
    private final Scheduler.Cancellable sampler;

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
        this.hw = RigHardware.claim(parts, rig, scheduler);
        this.motor = new MotorControl(hw.drive(), new DutyRegulator(rig.fullDutyPpm()), tachometer, scheduler,
                rig.output().escArmingMillis());
        hw.tachometer().addListener(e -> {
            if (e.state() == DigitalState.HIGH) {
                tachometer.edge(scheduler.nanos());
            }
        });
        hw.emergencyStop().addListener(e -> {
            synchronized (lock) {
                boolean active = hw.emergencyStopActive(e.state());
                guard.setCondition(Fault.EMERGENCY_STOP, active);
                if (active) {
                    motor.apply(guard.target()); // the outputs first: a slow stderr must not hold the cut
                    LOG.warn("gpio: the emergency-stop input went active: motor stopped, emergency stop latched");
                }
            }
        });
        this.openedNanos = scheduler.nanos();
        this.lastSampleNanos = openedNanos;
        synchronized (lock) {
            motor.off();
        }
        sample();
        Duration period = Duration.ofMillis(rig.samplePeriodMillis());
        this.sampler = scheduler.scheduleAtFixedRate(period, period, this::sampleSafely);
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
        return hw.capabilities();
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
            motor.apply(guard.target());
            return motor.runningPpm();
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            try {
                guard.stop();
                motor.off();
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
            boolean estop = hw.emergencyStopActive(hw.emergencyStop().state());
            guard.setCondition(Fault.EMERGENCY_STOP, estop);
            boolean watchdogFired = guard.checkWatchdog(now);
            // the duty the sensors' readings were taken at, before this sample changes it
            double duty = motor.duty();
            Readings readings = hw.sensors().readings();
            readings.motorRunning = motor.running();
            String failure = hw.sensors().sample(now);
            boolean newFailure = failure != null && !failure.equals(sensorFailure);
            if (newFailure) {
                faultDetail = failure;
            }
            sensorFailure = failure;
            guard.setDetected(failure != null ? Fault.INTERNAL.mask() : 0);
            boolean wasRunning = motor.running();
            motor.apply(guard.target());
            // said after the outputs are set, so that a slow or blocked stderr never holds a stop
            if (watchdogFired) {
                LOG.warn("gpio: no command for {} ms (watchdog {} ms): motor stopped, communication timeout latched",
                        (now - lastCommandNanos) / 1_000_000L, rig.watchdogMillis());
            }
            if (newFailure) {
                LOG.error("gpio: {}: motor stopped, internal fault latched", failure);
            }
            if (wasRunning) { // a start made here (an ESC just armed) puts out its feedforward first
                motor.regulate(measured, dt);
            }
            if (hw.heartbeat() != null && guard.armed()) {
                beat = !beat;
                hw.heartbeat().state(beat ? DigitalState.HIGH : DigitalState.LOW);
            }
            telemetry = new Telemetry(now, measured, readings.motorAmps(duty), readings.temperatureCelsius,
                    readings.supplyVolts, hw.inputs(estop, readings), new FaultSet(guard.latched()),
                    (now - openedNanos) / 1_000_000L);
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
            motor.off();
            motor.release();
            closed = true;
            sampler.cancel();
            if (hw.oneWire() != null) {
                hw.oneWire().close();
            }
            if (hw.heartbeat() != null) {
                hw.heartbeat().state(DigitalState.LOW);
            }
        }
        try {
            pi4j.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("gpio: releasing the pins failed: {}", e.toString());
        }
    }
}
