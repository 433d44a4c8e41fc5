package org.percuss.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import java.time.Duration;
import java.util.EnumSet;
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
 * A Raspberry Pi rig as a {@link PercussionDevice}: hardware PWM into a motor driver, a
 * tachometer, buttons, an emergency-stop input, an enable line and a heartbeat, through Pi4J.
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
 * </ul>
 * The rig has no current, temperature, voltage or motion sensing: those fields are 0 and their
 * capabilities absent. Thread-safe: one lock guards the outputs and the guard.
 */
public final class GpioDevice implements PercussionDevice {

    private static final Logger LOG = LoggerFactory.getLogger(GpioDevice.class);

    private final Context pi4j;
    private final GpioRig rig;
    private final Scheduler scheduler;
    private final Capabilities capabilities;
    private final BoardGuard guard;
    private final Pwm pwm;
    private final DigitalInput emergencyStop;
    private final DigitalInput power;
    private final DigitalInput plus;
    private final DigitalInput minus;
    private final DigitalOutput enable;
    private final DigitalOutput heartbeat;
    private final Tachometer tachometer;
    private final DutyRegulator regulator;
    private final long openedNanos;
    private final Object lock = new Object();
    private final Scheduler.Cancellable sampler;

    private int runningPpm;
    private int duty;
    private long lastCommandNanos;
    private long lastSampleNanos;
    private boolean beat;
    private boolean closed;
    private long refusals;
    private ClearStatus clearStatus = ClearStatus.NONE;
    private volatile Telemetry telemetry;

    /**
     * Claims the rig's pins on {@code pi4j}, takes a first sample and samples on {@code scheduler}
     * from then on, until {@link #close()}. The motor is stopped and the enable line low.
     */
    GpioDevice(Context pi4j, GpioRig rig, Scheduler scheduler) {
        this.pi4j = pi4j;
        this.rig = rig;
        this.scheduler = scheduler;
        this.capabilities = new Capabilities(rig.minPpm(), rig.maxPpm(),
                rig.hasButtons() ? EnumSet.of(Capability.BUTTONS) : EnumSet.noneOf(Capability.class),
                rig.watchdogMillis(), rig.samplePeriodMillis());
        this.guard = new BoardGuard(rig.minPpm(), rig.maxPpm(), rig.watchdogMillis() * 1_000_000L);
        this.tachometer = new Tachometer(rig.tachPulsesPerRevolution());
        this.regulator = new DutyRegulator(rig.fullDutyPpm());
        this.pwm = pi4j.create(Pwm.newConfigBuilder(pi4j).id(PinIds.PWM).name("motor PWM").address(rig.pwmChannel())
                .pwmType(PwmType.HARDWARE).frequency(rig.pwmFrequencyHz()).initial(0).shutdown(0).build());
        this.enable = rig.enablePin() == GpioRig.NO_PIN ? null : output(PinIds.ENABLE, "motor enable", rig.enablePin());
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
        this.openedNanos = scheduler.nanos();
        this.lastSampleNanos = openedNanos;
        synchronized (lock) {
            motorOff();
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
     * is immediate, and a start needs its duty. Holds the lock.
     */
    private void apply() {
        int target = guard.target();
        if (target == runningPpm) {
            return;
        }
        if (target == 0) {
            motorOff();
        } else if (runningPpm == 0) {
            regulator.reset();
            setEnable(true);
            runningPpm = target;
            setDuty(regulator.feedforward(target));
        } else {
            runningPpm = target;
            setDuty(regulator.update(target, tachometer.ppm(scheduler.nanos()), 0));
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
            apply();
            if (runningPpm != 0) {
                setDuty(regulator.update(runningPpm, measured, dt));
            }
            if (heartbeat != null && guard.armed()) {
                beat = !beat;
                heartbeat.state(beat ? DigitalState.HIGH : DigitalState.LOW);
            }
            Inputs inputs = Inputs.NONE.with(Input.EMERGENCY_STOP, estop);
            if (power != null) {
                inputs = inputs.with(Input.POWER_BUTTON, power.state() == DigitalState.LOW)
                        .with(Input.PLUS_BUTTON, plus.state() == DigitalState.LOW)
                        .with(Input.MINUS_BUTTON, minus.state() == DigitalState.LOW);
            }
            telemetry = new Telemetry(now, measured, 0, 0, 0, inputs, new FaultSet(guard.latched()),
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
            motorOff();
            closed = true;
            sampler.cancel();
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
        setDuty(0);
        setEnable(false);
        regulator.reset();
    }

    private void setDuty(int percent) {
        if (percent == duty && (percent != 0 || !pwm.isOn())) {
            return;
        }
        duty = percent;
        if (percent == 0) {
            pwm.off();
        } else {
            pwm.on(percent, rig.pwmFrequencyHz());
        }
    }

    private void setEnable(boolean on) {
        if (enable != null) {
            enable.state(on ? DigitalState.HIGH : DigitalState.LOW);
        }
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
