package org.percuss.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.percuss.device.time.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Raspberry Pi rig as a {@link PercussionDevice}: hardware PWM into a motor driver, a
 * tachometer, buttons, an emergency-stop input, an enable line and a heartbeat, through Pi4J.
 *
 * <p>It does on the Pi what a board does behind PROTOCOL.md, so the controller drives both alike:
 * <ul>
 *   <li>A sampler, every {@link GpioRig#samplePeriodMillis()}, reads the tachometer and the inputs,
 *       regulates the duty ({@link DutyRegulator}) and publishes a {@link Telemetry}.</li>
 *   <li>The emergency-stop input cuts the PWM and the enable line from Pi4J's event thread the
 *       moment its edge arrives, and latches {@link Fault#EMERGENCY_STOP}; the sampler latches it
 *       too, should an edge be missed.</li>
 *   <li>Watchdog: when the control loop has not commanded the running motor for
 *       {@link GpioRig#watchdogMillis()}, the sampler stops it and latches {@link Fault#COMM_TIMEOUT}.
 *       The heartbeat output toggles on every sample only while the loop is alive, so an external
 *       watchdog can cut the enable line when the whole Pi hangs.</li>
 *   <li>A latched fault keeps the motor stopped until {@link #requestClearFaults()} succeeds (it does not
 *       while the emergency-stop input is still active) and a new speed is commanded. A speed
 *       outside the rig's range is refused and the motor stopped, as a board answers NACK.</li>
 * </ul>
 * The rig has no current, temperature, voltage or motion sensing: those fields are 0 and their
 * capabilities absent. Thread-safe: one lock guards the outputs.
 */
public final class GpioDevice implements PercussionDevice {

    private static final Logger LOG = LoggerFactory.getLogger(GpioDevice.class);

    private final Context pi4j;
    private final GpioRig rig;
    private final Ticker ticker;
    private final Capabilities capabilities;
    private final Pwm pwm;
    private final DigitalInput tachInput;
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

    private int targetPpm;
    private int duty;
    private int faultBits;
    private long lastCommandNanos;
    private long lastSampleNanos;
    private boolean beat;
    private boolean closed;
    private long refusals;
    private ClearStatus clearStatus = ClearStatus.NONE;
    private volatile Telemetry telemetry;
    private ScheduledExecutorService sampler;

    /**
     * Claims the rig's pins on {@code pi4j} and takes a first sample; nothing samples after that
     * until {@link #startSampling()} (tests call {@link #sample()} themselves on their own clock).
     * The motor is stopped and the enable line low.
     */
    GpioDevice(Context pi4j, GpioRig rig, Ticker ticker) {
        this.pi4j = pi4j;
        this.rig = rig;
        this.ticker = ticker;
        this.capabilities = new Capabilities(rig.minPpm(), rig.maxPpm(),
                rig.hasButtons() ? EnumSet.of(Capability.BUTTONS) : EnumSet.noneOf(Capability.class),
                rig.watchdogMillis(), rig.samplePeriodMillis());
        this.tachometer = new Tachometer(rig.tachPulsesPerRevolution());
        this.regulator = new DutyRegulator(rig.fullDutyPpm());
        this.pwm = pi4j.create(Pwm.newConfigBuilder(pi4j).id("percuss-pwm").name("motor PWM").address(rig.pwmChannel())
                .pwmType(PwmType.HARDWARE).frequency(rig.pwmFrequencyHz()).initial(0).shutdown(0).build());
        this.enable = rig.enablePin() == GpioRig.NO_PIN ? null : output("percuss-enable", "motor enable", rig.enablePin());
        this.heartbeat = rig.heartbeatPin() == GpioRig.NO_PIN ? null
                : output("percuss-heartbeat", "heartbeat", rig.heartbeatPin());
        this.tachInput = input("percuss-tach", "tachometer", rig.tachPin(), PullResistance.PULL_UP);
        this.emergencyStop = input("percuss-estop", "emergency stop", rig.emergencyStopPin(),
                rig.emergencyStopActiveHigh() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN);
        this.power = rig.hasButtons() ? input("percuss-power", "power button", rig.powerButtonPin(), PullResistance.PULL_UP) : null;
        this.plus = rig.hasButtons() ? input("percuss-plus", "plus button", rig.plusButtonPin(), PullResistance.PULL_UP) : null;
        this.minus = rig.hasButtons() ? input("percuss-minus", "minus button", rig.minusButtonPin(), PullResistance.PULL_UP) : null;
        tachInput.addListener(e -> {
            if (e.state() == DigitalState.HIGH) {
                tachometer.edge(ticker.nanos());
            }
        });
        emergencyStop.addListener(e -> {
            if (emergencyStopActive(e.state())) {
                synchronized (lock) {
                    latch(Fault.EMERGENCY_STOP, "the emergency-stop input went active");
                }
            }
        });
        this.openedNanos = ticker.nanos();
        this.lastCommandNanos = openedNanos;
        this.lastSampleNanos = openedNanos;
        synchronized (lock) {
            motorOff();
        }
        sample();
    }

    /**
     * A rig on a Pi4J context you built (other plugins, or Pi4J's mock plugin), driven on your own
     * clock: nothing samples until you call {@link #sample()}, which you do every
     * {@link GpioRig#samplePeriodMillis()} (as the simulator's virtual clock can). On a real Pi use
     * {@link PiGpio#open}, which samples on a thread.
     */
    public static GpioDevice onContext(Context pi4j, GpioRig rig, Ticker ticker) {
        return new GpioDevice(pi4j, rig, ticker);
    }

    /** Samples every {@link GpioRig#samplePeriodMillis()} on a daemon thread, until {@link #close()}. */
    void startSampling() {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "percuss-gpio-sampler");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                LOG.error("gpio: sampling failed, stopping the motor: {}", e.toString());
                stop();
            }
        }, rig.samplePeriodMillis(), rig.samplePeriodMillis(), TimeUnit.MILLISECONDS);
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
            lastCommandNanos = ticker.nanos();
            if (ppm == targetPpm) {
                return targetPpm;
            }
            if (ppm == 0) {
                motorOff();
                return 0;
            }
            if (ppm < rig.minPpm() || ppm > rig.maxPpm()) {
                refuse("gpio: refused " + ppm + " ppm: outside the rig's " + rig.minPpm() + ".." + rig.maxPpm() + " ppm");
                return 0;
            }
            if (faultBits != 0) {
                refuse("gpio: refused " + ppm + " ppm: a fault is latched (" + new FaultSet(faultBits).describe() + ")");
                return 0;
            }
            // at once, not at the next sample: a decrease is immediate, and a start needs its duty
            if (targetPpm == 0) {
                regulator.reset();
                setEnable(true);
                targetPpm = ppm;
                setDuty(regulator.feedforward(ppm));
            } else {
                targetPpm = ppm;
                setDuty(regulator.update(ppm, tachometer.ppm(lastCommandNanos), 0));
            }
            return targetPpm;
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            try {
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
            if (emergencyStopActive(emergencyStop.state())) {
                clearStatus = ClearStatus.REFUSED;
                return;
            }
            if (faultBits != 0) {
                LOG.info("gpio: cleared {}", new FaultSet(faultBits).describe());
            }
            faultBits = 0;
            clearStatus = ClearStatus.PENDING;
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
     * {@link Telemetry}. Runs on the sampler thread, or on the caller's clock (see {@link #onContext}).
     */
    public void sample() {
        synchronized (lock) {
            if (closed) {
                return; // a sample racing close() must not touch released pins
            }
            long now = ticker.nanos();
            double dt = (now - lastSampleNanos) / 1e9;
            lastSampleNanos = now;
            int measured = tachometer.ppm(now);
            boolean estop = emergencyStopActive(emergencyStop.state());
            if (estop && (faultBits & Fault.EMERGENCY_STOP.mask()) == 0) {
                latch(Fault.EMERGENCY_STOP, "the emergency-stop input is active");
            }
            boolean fed = now - lastCommandNanos <= rig.watchdogMillis() * 1_000_000L;
            if (targetPpm != 0 && !fed) {
                latch(Fault.COMM_TIMEOUT, "no command for " + (now - lastCommandNanos) / 1_000_000L + " ms (watchdog "
                        + rig.watchdogMillis() + " ms)");
            }
            if (targetPpm != 0) {
                setDuty(regulator.update(targetPpm, measured, dt));
            }
            if (heartbeat != null && fed) {
                beat = !beat;
                heartbeat.state(beat ? DigitalState.HIGH : DigitalState.LOW);
            }
            Inputs inputs = Inputs.NONE.with(Input.EMERGENCY_STOP, estop);
            if (power != null) {
                inputs = inputs.with(Input.POWER_BUTTON, power.state() == DigitalState.LOW)
                        .with(Input.PLUS_BUTTON, plus.state() == DigitalState.LOW)
                        .with(Input.MINUS_BUTTON, minus.state() == DigitalState.LOW);
            }
            telemetry = new Telemetry(now, measured, 0, 0, 0, inputs, new FaultSet(faultBits),
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
            stop();
            closed = true;
            if (heartbeat != null) {
                heartbeat.state(DigitalState.LOW);
            }
        }
        if (sampler != null) {
            sampler.shutdownNow();
            try {
                sampler.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            pi4j.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("gpio: releasing the pins failed: {}", e.toString());
        }
    }

    private void latch(Fault fault, String why) {
        motorOff();
        if ((faultBits & fault.mask()) == 0) {
            LOG.warn("gpio: {}: motor stopped, {} latched", why, fault.description());
        }
        faultBits |= fault.mask();
    }

    private void refuse(String message) {
        refusals++;
        LOG.warn(message);
        motorOff();
    }

    private void motorOff() {
        targetPpm = 0;
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
