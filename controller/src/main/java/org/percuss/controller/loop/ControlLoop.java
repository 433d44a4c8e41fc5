package org.percuss.controller.loop;

import java.util.concurrent.atomic.AtomicInteger;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.safety.SafetyContext;
import org.percuss.controller.safety.SafetySupervisor;
import org.percuss.controller.session.SessionTimer;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.time.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed-rate control loop: each {@link #tick()} reads the telemetry, asks the safety
 * supervisor, steps the state machine, computes the speed profile and commands the device, always
 * in that order (DESIGN.md), on the injected clock.
 *
 * <p>Requests ({@link #start()}, {@link #pause()}, {@link #selectLevel}, {@link #emergencyStop()},
 * {@link #clearFaults()}, {@link #finish}) may come from any thread; they are taken at the start
 * of the next tick, so an emergency stop commands zero within one tick. Everything else belongs to
 * the thread that ticks. In steady state a tick allocates nothing.
 */
public final class ControlLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    private static final int REQ_START = 1;
    private static final int REQ_PAUSE = 1 << 1;
    private static final int REQ_EMERGENCY_STOP = 1 << 2;
    private static final int REQ_CLEAR = 1 << 3;
    private static final int REQ_FINISH = 1 << 4;
    private static final int REQ_LEVEL = 1 << 5;

    private final PercussionDevice device;
    private final Ticker ticker;
    private final LoopListener listener;
    private final SpeedBounds bounds;
    private final SpeedProfile profile;
    private final SessionTimer timer;
    private final SafetySupervisor supervisor;
    private final boolean hasButtons;
    private final ButtonEdges buttons = new ButtonEdges();
    private final SafetyContext context = new Context();

    private final AtomicInteger requests = new AtomicInteger();
    private volatile int requestedLevel;
    private volatile StopReason requestedFinish = StopReason.INTERRUPTED;

    private LoopState state = LoopState.IDLE;
    private int level;
    private int targetPpm;
    private int commandedPpm;
    private Telemetry telemetry;
    private long ticks;
    private long firstTickNanos;
    private long lastTickNanos;
    private boolean clearPending;
    private boolean startAfterClear;
    private int latchedAtClear;
    private StopReason stopReason;
    private String stopMessage = "";
    private int topCommandedPpm;
    private int topMeasuredPpm;

    /**
     * A loop driving {@code device} with {@code config}, on {@code ticker}, never above
     * {@code maxLevel} (a zone's maximum; 0 for none).
     *
     * @throws IllegalArgumentException when no configured level lies inside the device's range
     *         and under the maximum
     */
    public ControlLoop(PercussionDevice device, PercussConfig config, SafetySupervisor supervisor,
                       SessionTimer timer, int maxLevel, Ticker ticker, LoopListener listener) {
        this.device = device;
        this.ticker = ticker;
        this.listener = listener;
        this.supervisor = supervisor;
        this.timer = timer;
        this.bounds = SpeedBounds.of(config.levels(), device.capabilities()).capAt(maxLevel);
        this.profile = new SpeedProfile(bounds.lowestPpm(), bounds.highestPpm(), config.warmup().toNanos(),
                config.rampPpmPerSecond());
        this.hasButtons = device.capabilities().has(Capability.BUTTONS);
        this.level = bounds.firstLevel();
        this.requestedLevel = level;
        this.telemetry = device.telemetry();
    }

    /** A loop with every safety rule and a session timer, all from {@code config}. */
    public static ControlLoop create(PercussionDevice device, PercussConfig config, Ticker ticker,
                                     LoopListener listener) {
        return create(device, config, new SessionTimer(config.sessionLimit().toNanos(),
                config.sessionWarning().toNanos()), ticker, listener);
    }

    /** A loop with every safety rule from {@code config}, this session timer, no zone maximum. */
    public static ControlLoop create(PercussionDevice device, PercussConfig config, SessionTimer timer, Ticker ticker,
                                     LoopListener listener) {
        return create(device, config, timer, 0, ticker, listener);
    }

    /** A loop with every safety rule from {@code config}, this session timer and a zone's maximum level. */
    public static ControlLoop create(PercussionDevice device, PercussConfig config, SessionTimer timer, int maxLevel,
                                     Ticker ticker, LoopListener listener) {
        return new ControlLoop(device, config, SafetySupervisor.standard(config.safety()), timer, maxLevel, ticker,
                listener);
    }

    // ---- requests, from any thread -------------------------------------------------------------

    /** Start, or resume after a pause or a clear: from the lowest level, with a fresh warm-up. */
    public void start() {
        request(REQ_START);
    }

    /** Stop the motor and wait for {@link #start()}. */
    public void pause() {
        request(REQ_PAUSE);
    }

    /**
     * Run at {@code level} (1-based) from now on; increases follow the ramp, decreases are immediate.
     *
     * @throws IllegalArgumentException when the level is not usable, with a message saying why
     */
    public void selectLevel(int level) {
        if (!bounds.usable(level)) {
            throw new IllegalArgumentException(bounds.whyUnusable(level));
        }
        requestedLevel = level;
        request(REQ_LEVEL);
    }

    /** Command zero on the next tick and latch the emergency stop until it is cleared. */
    public void emergencyStop() {
        request(REQ_EMERGENCY_STOP);
    }

    /** Clear latched faults (the device's too), if no fault condition is still present. */
    public void clearFaults() {
        request(REQ_CLEAR);
    }

    /**
     * End the session on the next tick, for {@code reason}; final. A latched safety stop ends too,
     * and stays the session's reason.
     */
    public void finish(StopReason reason) {
        requestedFinish = reason;
        request(REQ_FINISH);
    }

    private void request(int bit) {
        int r;
        do {
            r = requests.get();
        } while (!requests.compareAndSet(r, r | bit));
    }

    // ---- the tick ------------------------------------------------------------------------------

    /** One control tick: read, supervise, step, profile, command. */
    public void tick() {
        long now = ticker.nanos();
        if (ticks == 0) {
            firstTickNanos = now;
            lastTickNanos = now;
        }
        long dt = now - lastTickNanos;
        lastTickNanos = now;
        ticks++;
        // The motor ran through the interval just ended iff a speed was commanded at its start.
        long runningNanos = commandedPpm > 0 ? dt : 0;
        timer.addRunning(runningNanos);

        // A clear applies to what was latched before this tick (what the user saw), never to a trip
        // of this same tick, and never in the tick of an emergency-stop request: those get their
        // zero command and stay latched until a later clear.
        int latchedBefore = supervisor.latchedBits();
        // 1. read telemetry
        telemetry = device.telemetry();
        // 2. safety supervisor
        supervisor.evaluate(telemetry, now, context);
        int req = requests.getAndSet(0);
        if ((req & REQ_EMERGENCY_STOP) != 0) {
            supervisor.trip(Fault.EMERGENCY_STOP, "requested by the user");
        }
        // 3. state machine
        step(req, now, latchedBefore);
        // 4. speed profile
        int command = state.motorOn() ? profile.next(targetPpm, runningNanos) : 0;
        if (state.motorOn()) {
            enter(profile.warmingUp() ? LoopState.WARM_UP
                    : command < targetPpm ? LoopState.RAMPING : LoopState.RUNNING, "");
        }
        // 5. command the device
        command(command);
        if (telemetry.measuredPpm() > topMeasuredPpm) {
            topMeasuredPpm = telemetry.measuredPpm();
        }
    }

    private void step(int req, long now, int latchedBefore) {
        if (state == LoopState.FINISHED) {
            return;
        }
        // The latest level the user chose holds through a fault: it applies at the next start.
        if ((req & REQ_LEVEL) != 0) {
            level = requestedLevel;
        }
        if (supervisor.hasLatched() && (req & REQ_CLEAR) != 0) {
            if ((req & REQ_EMERGENCY_STOP) != 0) {
                context.warn("faults not cleared: the emergency stop was pressed on this tick");
            } else if (supervisor.latchedBits() == latchedBefore) {
                requestClear(now);
            } else {
                context.warn("faults not cleared: a new one latched on this tick; clear again");
            }
        }
        if (clearPending && (req & REQ_START) != 0) {
            startAfterClear = true; // "clear, start": the start waits for the device's answer
        }
        if (clearPending) {
            settleClear(now, (req & REQ_EMERGENCY_STOP) != 0);
        }
        if (supervisor.hasLatched()) {
            halt();
            if ((req & REQ_FINISH) != 0) {
                // asked to end while latched (a user at the keys or the web page quits rather than
                // clears): the session ends, and the safety stop stays its reason
                enter(LoopState.FINISHED, stopMessage);
            }
            return;
        }
        if (state.latched()) {
            enter(LoopState.IDLE, "faults cleared");
            if (startAfterClear) {
                req |= REQ_START;
            }
        }
        startAfterClear = false;
        if ((req & REQ_FINISH) != 0) {
            end(requestedFinish, requestedFinish.label());
            return;
        }
        if (timer.limitReached()) {
            if (timer.zoneIsTheLimit()) {
                end(StopReason.ZONE_BUDGET, "the budget of zone " + timer.zone() + " is used up (" + Durations.format(
                        timer.limitNanos()) + " were left of it)");
            } else {
                end(StopReason.SESSION_LIMIT, "session limit of " + Durations.format(timer.limitNanos()) + " reached");
            }
            return;
        }
        if (timer.takeWarning()) {
            listener.warning("the session ends in " + Durations.format(timer.remainingNanos()));
        }
        if (hasButtons) {
            req |= buttonRequests();
        }
        if ((req & REQ_PAUSE) != 0 && state.motorOn()) {
            profile.stop();
            enter(LoopState.PAUSED, "paused");
        } else if ((req & REQ_START) != 0 && (state == LoopState.IDLE || state == LoopState.PAUSED)) {
            String present = supervisor.tripConditionPresent(telemetry, now, context);
            if (present != null) {
                context.warn("not started: " + present); // a start never runs a motor whose trip cause is there
            } else {
                profile.start();
                enter(LoopState.WARM_UP, "started at the lowest level");
            }
        }
        int cap = supervisor.derateLevel();
        int effective = cap == 0 ? level : Math.min(level, bounds.clamp(cap));
        targetPpm = bounds.ppmOf(effective);
    }

    /** Power toggles start and pause; plus and minus change the level, clamped with a warning. */
    private int buttonRequests() {
        int pressed = buttons.pressed(telemetry.inputs());
        int req = 0;
        if ((pressed & Input.POWER_BUTTON.mask()) != 0) {
            req |= state.motorOn() ? REQ_PAUSE : REQ_START;
        }
        if ((pressed & Input.PLUS_BUTTON.mask()) != 0) {
            level = stepLevel(level + 1);
        }
        if ((pressed & Input.MINUS_BUTTON.mask()) != 0) {
            level = stepLevel(level - 1);
        }
        return req;
    }

    private int stepLevel(int wanted) {
        int clamped = bounds.clamp(wanted);
        if (clamped != wanted) {
            String message = "button ignored: level " + wanted + " is outside the usable levels " + bounds.firstLevel()
                    + ".." + bounds.lastLevel() + "; staying at level " + clamped;
            LOG.warn(message);
            listener.warning(message);
        }
        return clamped;
    }

    /**
     * A clear, asked for: refused at once while the link is lost or any rule still sees its trip
     * condition on the telemetry in hand (issue 11: the device's own limits are looser, so its word
     * alone must not restart a motor whose cause is still there); else the device is asked, and
     * the answer is taken on a later tick by {@link #settleClear}. Nothing here waits.
     */
    private void requestClear(long now) {
        if (supervisor.hasLatched(Fault.LINK_LOST)) {
            context.warn("cannot clear faults: the link to " + device.name() + " is lost");
            return;
        }
        String present = supervisor.tripConditionPresent(telemetry, now, context);
        if (present != null) {
            context.warn("faults not cleared: " + present);
            return;
        }
        try {
            device.requestClearFaults();
        } catch (DeviceException e) {
            supervisor.trip(Fault.LINK_LOST, e.getMessage());
            return;
        }
        clearPending = true;
        latchedAtClear = supervisor.latchedBits();
    }

    /**
     * The device's answer to a pending clear, if it has come; the latch is cleared only on a clean
     * one, and never in the tick of an emergency-stop request (that request gets its zero).
     */
    private void settleClear(long now, boolean emergencyStopNow) {
        ClearStatus status = device.clearStatus();
        switch (status) {
            case PENDING, NONE -> {
                return;
            }
            case REFUSED -> context.warn("faults not cleared: " + device.name() + " reports a fault condition still present");
            case NO_ANSWER -> context.warn("faults not cleared: " + device.name() + " did not answer the clear");
            case CLEARED -> {
                String present = supervisor.tripConditionPresent(telemetry, now, context);
                int stillReported = telemetry.faults().bits() & Fault.WIRE_MASK;
                if (stillReported != 0) {
                    context.warn("faults not cleared: " + device.name() + " still reports "
                            + new FaultSet(stillReported).describe());
                } else if (emergencyStopNow) {
                    context.warn("faults not cleared: the emergency stop was pressed on this tick");
                } else if (supervisor.latchedBits() != latchedAtClear) {
                    context.warn("faults not cleared: a new one latched while the clear was under way; clear again");
                } else if (present != null) {
                    context.warn("faults not cleared: " + present);
                } else {
                    supervisor.clear(now);
                }
            }
        }
        clearPending = false;
        if (supervisor.hasLatched()) {
            startAfterClear = false; // the clear failed: a start asked with it is void
        }
    }

    private void halt() {
        profile.stop();
        if (supervisor.hasLatched(Fault.EMERGENCY_STOP)) {
            stopReason = StopReason.EMERGENCY_STOP;
        } else if (supervisor.hasLatched(Fault.LINK_LOST)) {
            stopReason = StopReason.LINK_LOST;
        } else {
            stopReason = StopReason.FAULT;
        }
        LoopState next = stopReason == StopReason.EMERGENCY_STOP ? LoopState.EMERGENCY_STOP : LoopState.FAULT;
        if (state != next) {
            stopMessage = supervisor.firstTripFault().description() + ": " + supervisor.firstTripReason();
            enter(next, stopMessage);
        }
    }

    private void end(StopReason reason, String message) {
        profile.stop();
        stopReason = reason;
        stopMessage = message;
        enter(LoopState.FINISHED, message);
    }

    private void command(int ppm) {
        try {
            commandedPpm = device.commandSpeed(ppm); // what was sent, which a device may hold at 0
        } catch (DeviceException e) {
            commandedPpm = 0;
            device.stop();
            supervisor.trip(Fault.LINK_LOST, e.getMessage());
            if (state != LoopState.FINISHED) {
                halt();
            }
        }
        if (commandedPpm > topCommandedPpm) {
            topCommandedPpm = commandedPpm;
        }
    }

    private void enter(LoopState next, String why) {
        if (next != state) {
            LoopState from = state;
            state = next;
            listener.stateChanged(from, next, why);
        }
    }

    /** What the safety rules may see of this loop. */
    private final class Context implements SafetyContext {
        @Override
        public int commandedPpm() {
            return commandedPpm;
        }

        @Override
        public boolean motorOn() {
            return state.motorOn();
        }

        @Override
        public int firstLevel() {
            return bounds.firstLevel();
        }

        @Override
        public int lastLevel() {
            return bounds.lastLevel();
        }

        @Override
        public int ppmOf(int level) {
            return bounds.ppmOf(level);
        }

        @Override
        public boolean has(Capability capability) {
            return device.capabilities().has(capability);
        }

        @Override
        public long telemetryPeriodNanos() {
            return device.capabilities().telemetryPeriodMillis() * 1_000_000L;
        }

        @Override
        public void warn(String message) {
            LOG.warn(message);
            listener.warning(message);
        }

        @Override
        public void event(String message) {
            listener.safetyEvent(message);
        }
    }

    // ---- observation, from the ticking thread ------------------------------------------------

    public LoopState state() {
        return state;
    }

    /** The level the user selected (a derate may hold the speed lower). */
    public int level() {
        return level;
    }

    /** The speed the profile is heading for: the level's, capped by any derate. */
    public int targetPpm() {
        return targetPpm;
    }

    /** The speed commanded on the latest tick: 0, or inside the bounds. */
    public int commandedPpm() {
        return commandedPpm;
    }

    /** The telemetry the latest tick read. */
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * Whether some safety rule sees its trip condition in the latest telemetry (for the invariant
     * checker; builds a message when one does, so not for the tick).
     */
    public boolean tripConditionPresent() {
        return tripCondition() != null;
    }

    /**
     * The trip condition some safety rule sees in the latest telemetry, in words, or null: why a
     * start or a clear would be refused now (for the live controls; builds a message, so not for
     * the tick).
     */
    public String tripCondition() {
        return supervisor.tripConditionPresent(telemetry, lastTickNanos, context);
    }

    /** The level a safety rule holds the speed to this tick, or 0 when none does. */
    public int derateLevel() {
        return supervisor.derateLevel();
    }

    public FaultSet latchedFaults() {
        return supervisor.latched();
    }

    /** The latched faults as {@link FaultSet} bits, without allocating. */
    public int latchedFaultBits() {
        return supervisor.latchedBits();
    }

    /** Running time so far (time with a non-zero command). */
    public long runningNanos() {
        return timer.runningNanos();
    }

    public long sessionLimitNanos() {
        return timer.limitNanos();
    }

    /** Time since the first tick, running or not. */
    public long elapsedNanos() {
        return ticks == 0 ? 0 : lastTickNanos - firstTickNanos;
    }

    public long ticks() {
        return ticks;
    }

    /** Why the session stopped, or {@code null} while it has not. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** The stop in words, such as {@code "over temperature: reported by the device"}. */
    public String stopMessage() {
        return stopMessage;
    }

    public int topCommandedPpm() {
        return topCommandedPpm;
    }

    public int topMeasuredPpm() {
        return topMeasuredPpm;
    }

    public SpeedBounds bounds() {
        return bounds;
    }

    public PercussionDevice device() {
        return device;
    }

    /** Whether the session is over: finished, or stopped by a latched safety stop. */
    public boolean stopped() {
        return state == LoopState.FINISHED || state.latched();
    }
}
