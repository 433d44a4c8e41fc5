package org.percuss.controller.live;

import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Telemetry;

/**
 * What a person at the controls sees of a running session: after every control tick the ticking
 * thread publishes a new {@link LiveState} when something changed, or at least every sampling
 * interval ({@value #SAMPLE_MILLIS} ms of session time), and adds a sample to the {@link
 * SampleHistory}; any thread reads the latest with {@link #state()}. Hears the loop's state changes,
 * warnings and safety events as its {@link LoopListener}, and keeps the latest
 * {@value #MAX_MESSAGES} of them.
 *
 * <p>The loop itself never waits for this class or for anyone who reads it: publishing is a
 * volatile write, the history a short lock held only to copy.
 */
public final class LiveSession implements LoopListener {

    /** Session time between two samples: 20 a second, plenty for a plot a person watches. */
    public static final long SAMPLE_MILLIS = 50;
    /** The live plot's window, with some to spare. */
    private static final int RECENT_SAMPLES = (int) (70_000 / SAMPLE_MILLIS);
    /** The whole session: 30 minutes at full rate before thinning out. */
    private static final int WHOLE_SAMPLES = (int) (30 * 60_000 / SAMPLE_MILLIS);
    static final int MAX_MESSAGES = 20;
    /**
     * How long after a clear was asked a start is passed on while still latched (the loop starts
     * once the device has answered the clear, and not at all if it refuses): a second at 100 Hz.
     */
    static final long CLEAR_WINDOW_TICKS = 100;

    private final SampleHistory history = new SampleHistory(RECENT_SAMPLES, WHOLE_SAMPLES);

    private volatile ControlLoop loop;
    private volatile LiveState state;
    private volatile long ticksStarted;
    private volatile long clearAskedAtTick = -1;

    // the ticking thread's own
    private SessionInfo info;
    private String zone;
    private long zoneLeftAtStartNanos;
    private long nextSampleNanos;
    private boolean changed = true;
    private long latchedAtTick;
    private long publishedClearAsk = -1;
    private int faultBits = -1;
    private List<String> faultWords = List.of();
    private List<Message> messages = List.of();

    /**
     * Follows {@code loop} from now on (before its first tick).
     *
     * @param info the session's fixed facts
     * @param zone the zone, or null
     * @param zoneLeftAtStartNanos what the zone's budget had left when the session began
     */
    public void attach(ControlLoop loop, SessionInfo info, String zone, long zoneLeftAtStartNanos) {
        this.info = info;
        this.zone = zone;
        this.zoneLeftAtStartNanos = zoneLeftAtStartNanos;
        this.loop = loop;
        publish();
    }

    /** The loop, once attached; null before. */
    ControlLoop loop() {
        return loop;
    }

    /** The latest published state, or null before the session is attached. */
    public LiveState state() {
        return state;
    }

    /** The samples of the session. */
    public SampleHistory history() {
        return history;
    }

    /** Control ticks started so far; a request made now is taken by tick {@code ticksStarted() + 1} at the latest. */
    public long ticksStarted() {
        return ticksStarted;
    }

    /** Whether a clear was asked since the safety stop {@code s} shows, lately enough that a start may wait for it. */
    boolean clearAskedSince(LiveState s) {
        long asked = clearAskedAtTick;
        return s.state().latched() && asked >= s.latchedAtTick() && ticksStarted - asked <= CLEAR_WINDOW_TICKS;
    }

    /** Notes that a clear was asked (a start asked soon after it waits for its answer). */
    void clearAsked() {
        clearAskedAtTick = ticksStarted;
    }

    // ---- the ticking thread --------------------------------------------------------------------

    /** Call right before each control tick. */
    public void beforeTick() {
        ticksStarted = ticksStarted + 1; // one writer
    }

    /** Call after each control tick: samples and publishes. */
    public void afterTick() {
        ControlLoop l = loop;
        LiveState last = state;
        long elapsed = l.elapsedNanos();
        boolean sample = elapsed >= nextSampleNanos;
        if (sample) {
            nextSampleNanos = elapsed + SAMPLE_MILLIS * 1_000_000L;
            Telemetry t = l.telemetry();
            history.add(elapsed / 1e9, l.targetPpm(), l.commandedPpm(), t.measuredPpm(),
                    info.hasCurrent() ? t.currentAmps() : 0, info.hasTemperature() ? t.temperatureCelsius() : 0,
                    l.state());
        }
        if (sample || changed || last == null || clearAskedAtTick != publishedClearAsk || l.level() != last.level()
                || l.derateLevel() != last.derateLevel() || l.latchedFaultBits() != faultBits
                || l.commandedPpm() == 0 && last.commandedPpm() != 0) {
            publish();
        }
    }

    /** The session is over: the last state, with how it ended. */
    public void end(SessionEnd end) {
        LiveState last = state;
        if (last != null) {
            state = last.withEnd(end);
        }
    }

    private void publish() {
        ControlLoop l = loop;
        changed = false;
        long clearAsk = clearAskedAtTick;
        publishedClearAsk = clearAsk;
        int bits = l.latchedFaultBits();
        if (bits != faultBits) {
            faultBits = bits;
            List<String> words = new ArrayList<>();
            for (Fault f : new FaultSet(bits).faults()) {
                words.add(f.description());
            }
            faultWords = List.copyOf(words);
        }
        Telemetry t = l.telemetry();
        LoopState s = l.state();
        String trip = s.motorOn() || s == LoopState.FINISHED ? null : l.tripCondition();
        LiveState.ZoneLeft zoneLeft = zone == null ? null
                : new LiveState.ZoneLeft(zone, Math.max(0, zoneLeftAtStartNanos - l.runningNanos()) / 1e9);
        state = new LiveState(info, ticksStarted, l.elapsedNanos() / 1e9, s, l.level(), l.targetPpm(), l.commandedPpm(),
                t.measuredPpm(), l.runningNanos() / 1e9, l.sessionLimitNanos() / 1e9, zoneLeft,
                info.hasCurrent() ? t.currentAmps() : null, info.hasTemperature() ? t.temperatureCelsius() : null,
                info.hasSupply() ? t.supplyVolts() : null, faultWords,
                s.latched() || s == LoopState.FINISHED ? l.stopMessage() : "", l.derateLevel(), trip, latchedAtTick,
                s.latched() && clearAsk >= latchedAtTick && ticksStarted - clearAsk <= CLEAR_WINDOW_TICKS, messages,
                null);
    }

    // ---- the loop's events, on the ticking thread ------------------------------------------------

    @Override
    public void stateChanged(LoopState from, LoopState to, String why) {
        changed = true;
        double at = loop.elapsedNanos() / 1e9;
        if (to.latched()) {
            latchedAtTick = ticksStarted;
            history.mark(at, why.isEmpty() ? to.label() : why);
        }
        if (!why.isEmpty()) {
            add(new Message(at, Message.Kind.STATE, to.line(why)));
        }
    }

    @Override
    public void warning(String message) {
        add(new Message(loop.elapsedNanos() / 1e9, Message.Kind.WARNING, message));
    }

    @Override
    public void safetyEvent(String message) {
        add(new Message(loop.elapsedNanos() / 1e9, Message.Kind.SAFETY, message));
    }

    private void add(Message m) {
        changed = true;
        List<Message> next = new ArrayList<>(messages.size() + 1);
        next.addAll(messages.size() < MAX_MESSAGES ? messages : messages.subList(1, messages.size()));
        next.add(m);
        messages = List.copyOf(next);
    }
}
