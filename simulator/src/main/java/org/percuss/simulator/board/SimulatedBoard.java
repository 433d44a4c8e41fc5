package org.percuss.simulator.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.BoardGuard;
import org.percuss.device.guard.CommandOutcome;
import org.percuss.device.guard.Persistence;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.Hardware;
import org.percuss.simulator.physics.DcMotor;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.Sensors;
import org.percuss.simulator.physics.SpeedRegulator;

/**
 * The board side of PROTOCOL.md, in software: it accepts or refuses speed commands, regulates the
 * motor's speed with its PI regulator every millisecond, latches faults until they are cleared,
 * keeps a watchdog on the host and reports telemetry every period from power-up, all on a
 * {@link VirtualClock}, driving a {@link GunPlant} through its {@link Sensors}.
 *
 * <p>Its own protections are a backstop behind the host's safety rules, with limits above the
 * host's so that normally the host acts first: over-current, at the driver's limit (above 7.5 A)
 * for 300 ms (the host: 4 A for 100 ms), over-temperature above 90 °C (host: 80 °C), under-voltage below 11.0 V for 100 ms
 * (host: 12.8 V), and a stall when the regulator is at full duty and the tachometer sees under
 * 10 % of the target for 1 s (host: under 30 % for 500 ms). Below 9.0 V the microcontroller
 * browns out and resets. Each is a present condition while it lasts: CLEAR_FAULTS is refused
 * until it is gone.
 *
 * <p>Tests and scenarios act on it through {@link #setInput}, {@link #latchFault},
 * {@link #setFaultCondition}, {@link #brownOut} and the plant and sensors; the host through the
 * operations a packet would cause ({@link #setSpeed}, {@link #stop}, {@link #clearFaults},
 * {@link #hostPacketReceived}).
 *
 * <p>Just over 300 lines on purpose: it is the reference firmware's {@code board.c} in Java, one
 * tick's regulator, protections and reports in one place, so the two can be read side by side; the
 * guard it shares with the Pi rig is {@link BoardGuard}, the physics {@link GunPlant}'s.
 */
public final class SimulatedBoard implements Hardware {

    /** The physics and regulator step: 1 ms, ten times finer than the host's control tick. */
    static final Duration PHYSICS_STEP = Duration.ofMillis(1);
    private static final double DT = PHYSICS_STEP.toNanos() / 1e9;

    static final double OVER_CURRENT_AMPS = 7.5;
    static final long OVER_CURRENT_NANOS = 300_000_000L;
    static final double OVER_TEMPERATURE_CELSIUS = 90.0;
    static final double UNDER_VOLTAGE_VOLTS = 11.0;
    static final long UNDER_VOLTAGE_NANOS = 100_000_000L;
    static final double STALL_FRACTION = 0.10;
    static final long STALL_NANOS = 1_000_000_000L;
    static final double BROWN_OUT_VOLTS = 9.0;
    /** How long a brown-out reset keeps the board silent before it boots again. */
    public static final Duration RESET_TIME = Hardware.RESET_TIME;

    private final VirtualClock clock;
    private final Capabilities capabilities;
    private final GunPlant plant;
    private final Sensors sensors;
    private final SpeedRegulator regulator;
    private final List<Consumer<Telemetry>> telemetryListeners = new ArrayList<>();

    private final BoardGuard guard;
    private final Persistence overCurrent = Persistence.leaky(OVER_CURRENT_NANOS);
    private final Persistence underVoltage = Persistence.leaky(UNDER_VOLTAGE_NANOS);
    private final Persistence stall = Persistence.leaky(STALL_NANOS);
    private long powerUpNanos;
    private long poweredDownUntil = Long.MIN_VALUE;
    private Inputs inputs = Inputs.NONE.with(Input.MOTION, true);
    private Telemetry telemetry;
    // The latch as last reported: the same set object while it does not change (it rarely does),
    // instead of a new one in each of the 45,000 reports of a 15-minute session.
    private FaultSet reportedLatch = FaultSet.NONE;
    private int regulatedPpm;
    private double regulatedRadPerSec;
    private VirtualClock.Scheduled telemetryTask;
    private long resets;

    /** A board with the given capabilities, powered up now on {@code clock}, driving {@code plant}. */
    public SimulatedBoard(VirtualClock clock, Capabilities capabilities, GunPlant plant, Sensors sensors) {
        this.clock = clock;
        this.capabilities = capabilities;
        this.plant = plant;
        this.sensors = sensors;
        this.regulator = new SpeedRegulator(plant.parameters().motor(), 14.8);
        this.guard = new BoardGuard(capabilities.minPpm(), capabilities.maxPpm(), capabilities.watchdogMillis() * 1_000_000L);
        this.powerUpNanos = clock.nanos();
        this.telemetry = measure();
        clock.scheduleAtFixedRate(PHYSICS_STEP, PHYSICS_STEP, this::physicsStep);
        telemetryTask = scheduleTelemetry(capabilities.telemetryPeriodMillis());
    }

    private VirtualClock.Scheduled scheduleTelemetry(int periodMillis) {
        Duration period = Duration.ofMillis(periodMillis);
        return clock.scheduleAtFixedRate(period, period, this::publishTelemetry);
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    /** The physical gun this board drives. */
    @Override
    public GunPlant plant() {
        return plant;
    }

    /** The board's sensors. */
    @Override
    public Sensors sensors() {
        return sensors;
    }

    // ---- what packets from the host do ---------------------------------------------------------

    /** SET_SPEED: 0 stops; non-zero must be in range and no fault may be latched. */
    public CommandOutcome setSpeed(int ppm) {
        return guard.setSpeed(ppm);
    }

    /** STOP: the motor is brought to a stop at once. */
    public void stop() {
        guard.stop();
    }

    /**
     * CLEAR_FAULTS: clears every latched fault unless a fault condition is still present.
     *
     * @return whether the latch is now empty
     */
    public boolean clearFaults() {
        return guard.clear();
    }

    /** SET_TELEMETRY_PERIOD: report every {@code periodMillis} from now on (the caller checks 10..1000). */
    public void setTelemetryPeriod(int periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("telemetry period must be positive, got " + periodMillis);
        }
        telemetryTask.cancel();
        telemetryTask = scheduleTelemetry(periodMillis);
    }

    /** Any valid packet from the host: feeds the watchdog (and arms it on the first one). */
    public void hostPacketReceived() {
        guard.hostPacket(clock.nanos());
    }

    /** Whether the board is resetting after a brown-out: it neither answers nor reports. */
    public boolean poweredDown() {
        return clock.nanos() < poweredDownUntil;
    }

    // ---- what users, wiring and fault injection do ---------------------------------------------

    /** Sets an input as a user or the wiring would: a button, the e-stop pin, the motion sensor. */
    @Override
    public void setInput(Input input, boolean active) {
        inputs = inputs.with(input, active);
        setFaultCondition(Fault.EMERGENCY_STOP, inputs.isActive(Input.EMERGENCY_STOP));
    }

    /** Latches {@code fault} once, as if its condition came and went. */
    public void latchFault(Fault fault) {
        requireWireFault(fault);
        guard.latch(fault.mask());
    }

    /**
     * Makes a fault condition present or absent. While present the fault is latched and
     * {@link #clearFaults()} fails; when it goes away the fault stays latched until cleared.
     */
    public void setFaultCondition(Fault fault, boolean present) {
        requireWireFault(fault);
        guard.setCondition(fault, present);
    }

    /** A brown-out: {@link #brownOut(Duration)}. */
    @Override
    public void reset(Duration resetTime) {
        brownOut(resetTime);
    }

    /** A brown-out of the usual length, {@link #RESET_TIME}: see {@link #brownOut(Duration)}. */
    public void brownOut() {
        brownOut(RESET_TIME);
    }

    /**
     * A brown-out: the microcontroller resets. For {@code resetTime} it is silent and the motor
     * unpowered; then it boots with nothing latched, no target, the watchdog disarmed and its
     * uptime from zero, and reports again. A reset shorter than the host's stale-telemetry window
     * (five periods, 100 ms) shows only in the uptime going back.
     */
    public void brownOut(Duration resetTime) {
        if (resetTime.isNegative() || resetTime.isZero()) {
            throw new IllegalArgumentException("a reset takes some time, got " + resetTime);
        }
        resets++;
        poweredDownUntil = clock.nanos() + resetTime.toNanos();
        powerUpNanos = poweredDownUntil; // every report after the reset counts from the boot, whatever runs first then
        guard.reset();
        overCurrent.reset();
        underVoltage.reset();
        stall.reset();
        clock.schedule(resetTime, this::publishTelemetry);
    }

    /** How many times the board has reset. */
    public long resets() {
        return resets;
    }

    private static void requireWireFault(Fault fault) {
        if (!fault.isWireFault()) {
            throw new IllegalArgumentException(fault + " is detected by the host, not reported by a board");
        }
    }

    public FaultSet latchedFaults() {
        return new FaultSet(guard.latched());
    }

    public int targetPpm() {
        return guard.target();
    }

    public Inputs inputs() {
        return inputs;
    }

    /** The motor's speed right now (the plant's, no sensor in between). */
    public double motorSpeedPpm() {
        return plant.speedRpm();
    }

    /** The latest telemetry report. */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** Calls {@code listener} with every telemetry report from now on. */
    public void onTelemetry(Consumer<Telemetry> listener) {
        telemetryListeners.add(listener);
    }

    // ---- the firmware's loops ------------------------------------------------------------------

    private void physicsStep() {
        long now = clock.nanos();
        boolean down = poweredDown();
        if (!down) {
            guard.checkWatchdog(now);
        }
        double tachRpm = sensors.tachometerRpm(plant);
        int targetPpm = guard.target();
        if (targetPpm != regulatedPpm) { // the setpoint changes a few times a session, not every step
            regulatedPpm = targetPpm;
            regulatedRadPerSec = DcMotor.radPerSec(targetPpm);
        }
        double duty = down ? 0 : regulator.update(DT, regulatedRadPerSec, DcMotor.radPerSec(tachRpm),
                plant.supplyVolts());
        plant.step(DT, duty);
        if (!down) {
            protect(now, duty, tachRpm);
        }
    }

    /** The board's own protections: present conditions, latched while they last. */
    private void protect(long now, double duty, double tachRpm) {
        if (plant.supplyVolts() < BROWN_OUT_VOLTS) {
            brownOut();
            return;
        }
        int target = guard.target();
        int detected = 0;
        if (overCurrent.update(plant.currentAmps() > OVER_CURRENT_AMPS, now)) {
            detected |= Fault.OVER_CURRENT.mask();
        }
        if (plant.temperatureCelsius() > OVER_TEMPERATURE_CELSIUS) {
            detected |= Fault.OVER_TEMPERATURE.mask();
        }
        if (underVoltage.update(plant.supplyVolts() < UNDER_VOLTAGE_VOLTS, now)) {
            detected |= Fault.UNDER_VOLTAGE.mask();
        }
        if (stall.update(target > 0 && duty >= 0.95 && tachRpm < STALL_FRACTION * target, now)) {
            detected |= Fault.STALL.mask();
        }
        guard.setDetected(detected);
    }

    private void publishTelemetry() {
        if (poweredDown()) {
            return;
        }
        telemetry = measure();
        for (Consumer<Telemetry> listener : telemetryListeners) {
            listener.accept(telemetry);
        }
    }

    /** One report, through the sensors: ppm, A to the mA, °C to the tenth, V to the mV, ms. */
    private Telemetry measure() {
        long now = clock.nanos();
        if (reportedLatch.bits() != guard.latched()) {
            reportedLatch = new FaultSet(guard.latched());
        }
        return new Telemetry(now, sensors.measuredPpm(plant), sensors.currentAmps(plant),
                sensors.temperatureCelsius(plant), sensors.supplyVolts(plant), inputs, reportedLatch,
                (now - powerUpNanos) / 1_000_000L);
    }
}
