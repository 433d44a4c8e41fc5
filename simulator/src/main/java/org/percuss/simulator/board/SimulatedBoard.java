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
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.physics.FirstOrderMotor;

/**
 * The board side of PROTOCOL.md, in software: it accepts or refuses speed commands, runs the
 * motor model, latches faults until they are cleared, keeps a watchdog on the host and reports
 * telemetry every period from power-up, all on a {@link VirtualClock}.
 *
 * <p>Tests and scenarios inject faults and inputs through {@link #setInput},
 * {@link #latchFault} and {@link #setFaultCondition}; the host talks to it through the same
 * operations a packet would cause ({@link #setSpeed}, {@link #stop}, {@link #clearFaults},
 * {@link #hostPacketReceived}).
 */
public final class SimulatedBoard {

    /** The physics step: 1 ms, ten times finer than the host's control tick. */
    static final Duration PHYSICS_STEP = Duration.ofMillis(1);

    private final VirtualClock clock;
    private final Capabilities capabilities;
    private final FirstOrderMotor motor;
    private final long powerUpNanos;
    private final List<Consumer<Telemetry>> telemetryListeners = new ArrayList<>();

    private int targetPpm;
    private int latchedFaults;
    private int presentConditions;
    private Inputs inputs = Inputs.NONE.with(Input.MOTION, true);
    private long lastHostPacketNanos;
    private boolean watchdogArmed;
    private Telemetry telemetry;
    private VirtualClock.Scheduled telemetryTask;

    /** A board with the given capabilities, powered up now on {@code clock}. */
    public SimulatedBoard(VirtualClock clock, Capabilities capabilities, FirstOrderMotor motor) {
        this.clock = clock;
        this.capabilities = capabilities;
        this.motor = motor;
        this.powerUpNanos = clock.nanos();
        this.telemetry = measure();
        clock.scheduleAtFixedRate(PHYSICS_STEP, PHYSICS_STEP, this::physicsStep);
        telemetryTask = scheduleTelemetry(capabilities.telemetryPeriodMillis());
    }

    private VirtualClock.Scheduled scheduleTelemetry(int periodMillis) {
        Duration period = Duration.ofMillis(periodMillis);
        return clock.scheduleAtFixedRate(period, period, this::publishTelemetry);
    }

    /** SET_TELEMETRY_PERIOD: report every {@code periodMillis} from now on (the caller checks 10..1000). */
    public void setTelemetryPeriod(int periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("telemetry period must be positive, got " + periodMillis);
        }
        telemetryTask.cancel();
        telemetryTask = scheduleTelemetry(periodMillis);
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    /** SET_SPEED: 0 stops; non-zero must be in range and no fault may be latched. */
    public CommandOutcome setSpeed(int ppm) {
        if (ppm == 0) {
            targetPpm = 0;
            return CommandOutcome.ACCEPTED;
        }
        if (ppm < capabilities.minPpm() || ppm > capabilities.maxPpm()) {
            return CommandOutcome.OUT_OF_RANGE;
        }
        if (latchedFaults != 0) {
            return CommandOutcome.FAULT_ACTIVE;
        }
        targetPpm = ppm;
        return CommandOutcome.ACCEPTED;
    }

    /** STOP: the motor is brought to a stop at once. */
    public void stop() {
        targetPpm = 0;
    }

    /**
     * CLEAR_FAULTS: clears every latched fault unless a fault condition is still present.
     *
     * @return whether the latch is now empty
     */
    public boolean clearFaults() {
        if (presentConditions != 0) {
            latchedFaults |= presentConditions;
            return false;
        }
        latchedFaults = 0;
        return true;
    }

    /** Any valid packet from the host: feeds the watchdog (and arms it on the first one). */
    public void hostPacketReceived() {
        lastHostPacketNanos = clock.nanos();
        watchdogArmed = true;
    }

    /** Sets an input as a user or the wiring would: a button, the e-stop pin, the motion sensor. */
    public void setInput(Input input, boolean active) {
        inputs = inputs.with(input, active);
        setFaultCondition(Fault.EMERGENCY_STOP, inputs.isActive(Input.EMERGENCY_STOP));
    }

    /** Latches {@code fault} once, as if its condition came and went. */
    public void latchFault(Fault fault) {
        requireWireFault(fault);
        latch(fault.mask());
    }

    /**
     * Makes a fault condition present or absent. While present the fault is latched and
     * {@link #clearFaults()} fails; when it goes away the fault stays latched until cleared.
     */
    public void setFaultCondition(Fault fault, boolean present) {
        requireWireFault(fault);
        if (present) {
            presentConditions |= fault.mask();
            latch(fault.mask());
        } else {
            presentConditions &= ~fault.mask();
        }
    }

    private static void requireWireFault(Fault fault) {
        if (!fault.isWireFault()) {
            throw new IllegalArgumentException(fault + " is detected by the host, not reported by a board");
        }
    }

    private void latch(int mask) {
        latchedFaults |= mask;
        targetPpm = 0;
    }

    public FaultSet latchedFaults() {
        return new FaultSet(latchedFaults);
    }

    public int targetPpm() {
        return targetPpm;
    }

    public Inputs inputs() {
        return inputs;
    }

    /** The motor's speed right now (not quantised, no sensor in between). */
    public double motorSpeedPpm() {
        return motor.speedPpm();
    }

    /** The latest telemetry report. */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** Calls {@code listener} with every telemetry report from now on. */
    public void onTelemetry(Consumer<Telemetry> listener) {
        telemetryListeners.add(listener);
    }

    private void physicsStep() {
        if (watchdogArmed && clock.nanos() - lastHostPacketNanos >= capabilities.watchdogMillis() * 1_000_000L) {
            watchdogArmed = false;
            latch(Fault.COMM_TIMEOUT.mask());
        }
        motor.step(PHYSICS_STEP.toNanos() / 1e9, targetPpm);
    }

    private void publishTelemetry() {
        telemetry = measure();
        for (Consumer<Telemetry> listener : telemetryListeners) {
            listener.accept(telemetry);
        }
    }

    /** One report, quantised as the wire carries it: ppm, mA, 0.1 °C, mV, ms. */
    private Telemetry measure() {
        long now = clock.nanos();
        return new Telemetry(now,
                (int) Math.round(motor.speedPpm()),
                Math.round(motor.currentAmps() * 1000) / 1000.0,
                Math.round(motor.temperatureCelsius() * 10) / 10.0,
                Math.round(motor.supplyVolts() * 1000) / 1000.0,
                inputs,
                new FaultSet(latchedFaults),
                (now - powerUpNanos) / 1_000_000L);
    }
}
