package org.percuss.controller.loop;

import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.safety.SafetySupervisor;
import org.percuss.controller.session.SessionPlan;
import org.percuss.controller.session.SessionTimer;
import org.percuss.device.api.Capability;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.time.Ticker;

/**
 * The fixed-rate control loop: each {@link #tick()} reads the telemetry, asks the safety
 * supervisor, steps the state machine, computes the speed profile and commands the device, always
 * in that order (DESIGN.md, {@link TickStage}), on the injected clock. It is one class on purpose:
 * the order of those stages, and what each may see of the others, is the safety argument, and it
 * reads best in one place; its helpers each hold one piece (the requests inbox, clearing faults,
 * the speed profile and bounds, the session timer, the rules' view of the loop).
 *
 * <p>Requests ({@link #start()}, {@link #pause()}, {@link #selectLevel}, {@link #emergencyStop()},
 * {@link #clearFaults()}, {@link #finish}) may come from any thread; they are taken at the start
 * of the next tick, so an emergency stop commands zero within one tick. Everything else belongs to
 * the thread that ticks. The state changes only in {@link #enter}. In steady state a tick
 * allocates nothing; what the loop reports goes to its {@link LoopListener} (on transitions) and
 * its {@link TickObserver}s (every tick). Built with {@link #builder}.
 */
public final class ControlLoop {

    private final PercussionDevice device;
    private final Ticker ticker;
    private final LoopListener listener;
    private final TickObserver[] observers;
    private final TickStage.StageObserver stages;
    private final SpeedBounds bounds;
    private final SpeedProfile profile;
    private final SessionTimer timer;
    private final SafetySupervisor supervisor;
    private final boolean hasButtons;
    private final ButtonEdges buttons = new ButtonEdges();
    private final LoopContext context;
    private final LoopRequests requests = new LoopRequests();
    private final FaultClearing clearing;

    private LoopState state = LoopState.IDLE;
    private int level;
    private int targetPpm;
    private int commandedPpm;
    private Telemetry telemetry;
    private long ticks;
    private long firstTickNanos;
    private long lastTickNanos;
    private StopReason stopReason;
    private String stopMessage = "";
    /** What the latest tick took of the requests: their bits, and the level and finish reason with them. */
    private int requestsTaken;
    private int levelTaken;
    private StopReason finishTaken = StopReason.INTERRUPTED;
    /** Why the state the step decides on is entered (a constant, or the stop's message). */
    private String why = "";

    private ControlLoop(Builder b) {
        this.device = b.device;
        this.ticker = b.ticker;
        this.listener = b.listener;
        this.observers = b.observers.toArray(TickObserver[]::new);
        this.stages = b.stages;
        this.supervisor = b.supervisor != null ? b.supervisor : SafetySupervisor.standard(b.config.safety());
        this.timer = b.timer != null ? b.timer
                : new SessionTimer(b.config.sessionLimit().toNanos(), b.config.sessionWarning().toNanos());
        this.bounds = SpeedBounds.of(b.config.levels(), device.capabilities()).capAt(b.maxLevel);
        this.profile = new SpeedProfile(bounds.lowestPpm(), bounds.highestPpm(), b.config.warmup().toNanos(),
                b.config.rampPpmPerSecond());
        this.hasButtons = device.capabilities().has(Capability.BUTTONS);
        this.context = new LoopContext(this, listener);
        this.clearing = new FaultClearing(device, supervisor, context);
        this.level = bounds.firstLevel();
        this.telemetry = device.telemetry();
    }

    /** A loop driving {@code device} with {@code config}'s levels, profile and rules, on {@code ticker}. */
    public static Builder builder(PercussionDevice device, PercussConfig config, Ticker ticker) {
        return new Builder(device, config, ticker);
    }

    /** How a {@link ControlLoop} is put together; every setting but the three given has a default. */
    public static final class Builder {
        private final PercussionDevice device;
        private final PercussConfig config;
        private final Ticker ticker;
        private SessionTimer timer;
        private SafetySupervisor supervisor;
        private int maxLevel;
        private LoopListener listener = LoopListener.NONE;
        private final List<TickObserver> observers = new ArrayList<>();
        private TickStage.StageObserver stages = TickStage.StageObserver.NONE;

        private Builder(PercussionDevice device, PercussConfig config, Ticker ticker) {
            this.device = device;
            this.config = config;
            this.ticker = ticker;
        }

        /** The session's timer (default: the config's session limit and warning, no zone). */
        public Builder timer(SessionTimer t) {
            timer = t;
            return this;
        }

        /** The session {@code plan} sets: its timer and its level cap (a zone's maximum). */
        public Builder plan(SessionPlan plan) {
            return timer(plan.timer()).maxLevel(plan.maxLevel());
        }

        /** The rules (default: every rule of DESIGN.md with the config's limits). */
        public Builder supervisor(SafetySupervisor s) {
            supervisor = s;
            return this;
        }

        /** No level above this one (a zone's maximum); 0, the default, for none. */
        public Builder maxLevel(int level) {
            maxLevel = level;
            return this;
        }

        /** Who hears the loop's transitions, warnings and safety events. */
        public Builder listener(LoopListener l) {
            listener = l;
            return this;
        }

        /** Sees the loop at the end of every tick. */
        public Builder observer(TickObserver o) {
            observers.add(o);
            return this;
        }

        /** Hears the end of every stage of every tick (for a benchmark). */
        public Builder stages(TickStage.StageObserver s) {
            stages = s;
            return this;
        }

        /**
         * The loop, at its first usable level, IDLE.
         *
         * @throws IllegalArgumentException when no configured level lies inside the device's range
         *         and under the maximum
         */
        public ControlLoop build() {
            return new ControlLoop(this);
        }
    }

    // ---- requests, from any thread -------------------------------------------------------------

    /** Start, or resume after a pause or a clear: from the lowest level, with a fresh warm-up. */
    public void start() {
        requests.add(LoopRequests.START);
    }

    /** Stop the motor and wait for {@link #start()}. */
    public void pause() {
        requests.add(LoopRequests.PAUSE);
    }

    /**
     * Run at {@code level} (1-based) from now on; increases follow the ramp, decreases are
     * immediate. A level chosen while a fault is latched applies at the next start.
     *
     * @throws IllegalArgumentException when the level is not usable, with a message saying why
     */
    public void selectLevel(int level) {
        if (!bounds.usable(level)) {
            throw new IllegalArgumentException(bounds.whyUnusable(level));
        }
        requests.level(level);
    }

    /** Command zero on the next tick and latch the emergency stop until it is cleared. */
    public void emergencyStop() {
        requests.add(LoopRequests.EMERGENCY_STOP);
    }

    /** Clear latched faults (the device's too), once no fault condition is present (see {@link FaultClearing}). */
    public void clearFaults() {
        requests.add(LoopRequests.CLEAR);
    }

    /**
     * End the session on the next tick, for {@code reason}; final. A latched safety stop ends too,
     * and stays the session's reason.
     */
    public void finish(StopReason reason) {
        requests.finish(reason);
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
        int latchedBefore = supervisor.latchedBits();

        telemetry = device.telemetry();
        stages.ended(TickStage.READ);

        supervisor.evaluate(telemetry, now, context);
        int req = requests.take();
        requestsTaken = req;
        if (LoopRequests.has(req, LoopRequests.LEVEL)) {
            levelTaken = requests.level(); // read once: the tick uses, and a recording keeps, this value
        }
        if (LoopRequests.has(req, LoopRequests.FINISH)) {
            finishTaken = requests.finishReason();
        }
        boolean emergencyStop = LoopRequests.has(req, LoopRequests.EMERGENCY_STOP);
        if (emergencyStop) {
            supervisor.trip(Fault.EMERGENCY_STOP, "requested by the user");
        }
        stages.ended(TickStage.SUPERVISE);

        LoopState intent = step(req, now, latchedBefore, emergencyStop);
        stages.ended(TickStage.STEP);

        int command = intent.motorOn() ? profile.next(targetPpm, runningNanos) : 0;
        if (intent.motorOn()) {
            intent = profile.warmingUp() ? LoopState.WARM_UP : command < targetPpm ? LoopState.RAMPING : LoopState.RUNNING;
        }
        enter(intent, why);
        stages.ended(TickStage.PROFILE);

        command(command);
        stages.ended(TickStage.COMMAND);
        for (TickObserver o : observers) {
            o.afterTick(this);
        }
    }

    /** The state machine: what this tick's requests, the latch, the timer and the buttons make of the state. */
    private LoopState step(int req, long now, int latchedBefore, boolean emergencyStop) {
        why = "";
        if (state == LoopState.FINISHED) {
            return LoopState.FINISHED;
        }
        if (LoopRequests.has(req, LoopRequests.LEVEL)) {
            level = levelTaken; // kept through a fault: it applies at the next start
        }
        if (LoopRequests.has(req, LoopRequests.CLEAR)) {
            clearing.request(telemetry, now, latchedBefore, emergencyStop);
        }
        if (LoopRequests.has(req, LoopRequests.START)) {
            clearing.startWhenCleared(); // "clear, start": the start waits for the device's answer
        }
        clearing.settle(telemetry, now, emergencyStop);
        if (supervisor.hasLatched()) {
            LoopState latched = halt();
            // asked to end while latched (a user at the keys or the web page quits rather than
            // clears): the session ends, and the safety stop stays its reason
            return LoopRequests.has(req, LoopRequests.FINISH) ? LoopState.FINISHED : latched;
        }
        LoopState current = state;
        if (state.latched()) {
            enter(LoopState.IDLE, "faults cleared");
            current = LoopState.IDLE;
            if (clearing.takeStart()) {
                req |= LoopRequests.START;
            }
        }
        if (LoopRequests.has(req, LoopRequests.FINISH)) {
            return end(finishTaken, finishTaken.label());
        }
        if (timer.limitReached()) {
            return timer.zoneIsTheLimit()
                    ? end(StopReason.ZONE_BUDGET, "the budget of zone " + timer.zone() + " is used up ("
                            + Durations.format(timer.limitNanos()) + " were left of it)")
                    : end(StopReason.SESSION_LIMIT, "session limit of " + Durations.format(timer.limitNanos()) + " reached");
        }
        if (timer.takeWarning()) {
            listener.warning("the session ends in " + Durations.format(timer.remainingNanos()));
        }
        if (hasButtons) {
            req |= buttonRequests();
        }
        int cap = supervisor.derateLevel();
        targetPpm = bounds.ppmOf(cap == 0 ? level : Math.min(level, bounds.clamp(cap)));
        if (LoopRequests.has(req, LoopRequests.PAUSE) && current.motorOn()) {
            profile.stop();
            why = "paused";
            return LoopState.PAUSED;
        }
        if (LoopRequests.has(req, LoopRequests.START) && (current == LoopState.IDLE || current == LoopState.PAUSED)) {
            String present = supervisor.tripConditionPresent(telemetry, now, context);
            if (present != null) {
                context.warn("not started: " + present); // a start never runs a motor whose trip cause is there
                return current;
            }
            profile.start();
            why = "started at the lowest level";
            return LoopState.WARM_UP;
        }
        return current;
    }

    /** Power toggles start and pause; plus and minus change the level, clamped with a warning. */
    private int buttonRequests() {
        int pressed = buttons.pressed(telemetry.inputs());
        int req = 0;
        if ((pressed & Input.POWER_BUTTON.mask()) != 0) {
            req |= state.motorOn() ? LoopRequests.PAUSE : LoopRequests.START;
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
            context.warn("button ignored: level " + wanted + " is outside the usable levels " + bounds.firstLevel() + ".."
                    + bounds.lastLevel() + "; staying at level " + clamped);
        }
        return clamped;
    }

    /** A latched fault: the motor stops; the state says which kind of stop, the message names the first fault. */
    private LoopState halt() {
        profile.stop();
        stopReason = supervisor.hasLatched(Fault.EMERGENCY_STOP) ? StopReason.EMERGENCY_STOP
                : supervisor.hasLatched(Fault.LINK_LOST) ? StopReason.LINK_LOST : StopReason.FAULT;
        LoopState next = stopReason == StopReason.EMERGENCY_STOP ? LoopState.EMERGENCY_STOP : LoopState.FAULT;
        if (state != next) {
            stopMessage = supervisor.firstTripFault().description() + ": " + supervisor.firstTripReason();
        }
        why = stopMessage;
        return next;
    }

    private LoopState end(StopReason reason, String message) {
        profile.stop();
        stopReason = reason;
        stopMessage = message;
        why = message;
        return LoopState.FINISHED;
    }

    private void command(int ppm) {
        try {
            commandedPpm = device.commandSpeed(ppm); // what was sent, which a device may hold at 0
        } catch (DeviceException e) {
            commandedPpm = 0;
            device.stop();
            supervisor.trip(Fault.LINK_LOST, e.getMessage());
            if (state != LoopState.FINISHED) {
                LoopState next = halt();
                enter(next, why);
            }
        }
    }

    /** The one place the state changes; the listener hears every change. */
    private void enter(LoopState next, String reason) {
        if (next != state) {
            LoopState from = state;
            state = next;
            listener.stateChanged(from, next, reason);
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

    /** The time the latest tick read from its ticker, in the ticker's nanoseconds. */
    public long tickNanos() {
        return lastTickNanos;
    }

    /** The requests the latest tick took, as {@link Request#mask()} bits (0 for none). */
    public int requestsTaken() {
        return requestsTaken;
    }

    /** The level of the latest {@link Request#LEVEL} a tick took. */
    public int levelTaken() {
        return levelTaken;
    }

    /** The reason of the latest {@link Request#FINISH} a tick took. */
    public StopReason finishTaken() {
        return finishTaken;
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
