package org.percuss.controller.live;

import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.StopReason;

/**
 * The one request path of the live controls, shared by the terminal's keys and the web page. Every
 * request goes to the control loop through its thread-safe request methods, which it takes at the
 * start of its next tick, so the loop's rules hold for a key or a click exactly as for a button or
 * a signal: starts begin at the lowest level with a warm-up, increases ramp, decreases and stops are
 * immediate, a safety stop stays latched until cleared.
 *
 * <p>Before passing a request on, this class answers what the latest {@link LiveState} already
 * tells, so a person learns at once why nothing happens: a start or a level up is refused while a
 * safety stop is latched, while a safety rule derates or still sees its trip condition, or after the
 * end; a level outside the usable ones is refused with the loop's own reason. A request that can
 * only slow the motor (pause, level down, emergency stop, finish) is never refused.
 *
 * <p>Thread-safe; each request returns at once.
 */
public final class LiveControl {

    /** The requests whose refusal the page shows on its buttons. */
    public record Refusals(String start, String levelUp, String clear) {
    }

    private final LiveSession session;
    private int pendingLevel;
    private long pendingUntilTick;

    public LiveControl(LiveSession session) {
        this.session = session;
    }

    /** Start, or resume: from the lowest level, with a fresh warm-up. */
    public synchronized Outcome start() {
        LiveState s = session.state();
        if (s == null) {
            return Outcome.refused(NOT_STARTED);
        }
        String why = startRefusal(s);
        if (why != null) {
            return Outcome.refused(why);
        }
        session.loop().start();
        return Outcome.done(s.state().latched()
                ? "start asked: it begins at the lowest level once the clear is through"
                : "starting at the lowest level, " + ppm(s, s.info().firstLevel()) + ", with a "
                        + seconds(s.info().warmupSeconds()) + " warm-up", taken());
    }

    /** Pause: the motor stops at once; a start resumes from the lowest level. Never refused. */
    public synchronized Outcome pause() {
        LiveState s = session.state();
        if (s == null) {
            return Outcome.done("nothing is running", 0);
        }
        session.loop().pause();
        if (s.over()) {
            return Outcome.done("the session is over; the motor is stopped", 0);
        }
        return Outcome.done(s.state().motorOn() ? "paused: the motor stops at once" : "not running", taken());
    }

    /** Space on the terminal: pause while the motor runs, else start. */
    public synchronized Outcome pauseOrResume() {
        LiveState s = session.state();
        return s != null && s.state().motorOn() ? pause() : start();
    }

    /** One level up: refused at the highest usable level, while latched or derated, and after the end. */
    public synchronized Outcome levelUp() {
        LiveState s = session.state();
        if (s == null) {
            return Outcome.refused(NOT_STARTED);
        }
        int wanted = currentLevel(s) + 1;
        if (wanted > s.info().lastLevel()) {
            return Outcome.refused(highest(s));
        }
        return select(s, wanted);
    }

    /** One level down: at once while running. Never refused; at the lowest level it says so. */
    public synchronized Outcome levelDown() {
        LiveState s = session.state();
        if (s == null) {
            return Outcome.refused(NOT_STARTED);
        }
        int wanted = currentLevel(s) - 1;
        if (wanted < s.info().firstLevel()) {
            return Outcome.done("already at the lowest level, " + s.info().firstLevel() + " ("
                    + ppm(s, s.info().firstLevel()) + ")", 0);
        }
        return select(s, wanted);
    }

    /** Level {@code level} (1-based): invalid when no such level is configured. */
    public synchronized Outcome selectLevel(int level) {
        LiveState s = session.state();
        if (s == null) {
            return Outcome.refused(NOT_STARTED);
        }
        int count = s.info().levelPpm().size();
        if (level < 1 || level > count) {
            return Outcome.invalid("level must be 1.." + count + ", got " + level);
        }
        return select(s, level);
    }

    /** The emergency stop: zero on the next tick, latched until cleared. Never refused. */
    public synchronized Outcome emergencyStop() {
        ControlLoop loop = session.loop();
        if (loop == null) {
            return Outcome.done("the motor has not started", 0);
        }
        loop.emergencyStop();
        return Outcome.done("EMERGENCY STOP: zero on the next control tick, latched until cleared", taken());
    }

    /** Clear the latched faults: refused while a safety rule still sees its trip condition. */
    public synchronized Outcome clearFaults() {
        LiveState s = session.state();
        if (s == null) {
            return Outcome.refused(NOT_STARTED);
        }
        String why = clearRefusal(s);
        if (why != null) {
            return Outcome.refused(why);
        }
        if (!s.state().latched()) {
            return Outcome.done("no safety stop is latched; nothing to clear", 0);
        }
        session.clearAsked();
        session.loop().clearFaults();
        return Outcome.done("clear asked; then a start begins at the lowest level with a warm-up", taken());
    }

    /** End the session (a latched safety stop stays its reason). Never refused. */
    public synchronized Outcome finish() {
        LiveState s = session.state();
        if (s == null) {
            return Outcome.done("the session has not started", 0);
        }
        if (s.over()) {
            return Outcome.done("the session is over", 0);
        }
        session.loop().finish(StopReason.INTERRUPTED);
        return Outcome.done("ending the session", taken());
    }

    /** Why a start, a level up and a clear would be refused in {@code s} (null where allowed). */
    public synchronized Refusals refusals(LiveState s) {
        int up = currentLevel(s) + 1;
        return new Refusals(startRefusal(s), up > s.info().lastLevel() ? highest(s) : levelUpRefusal(s, up),
                s.state().latched() ? clearRefusal(s) : "no safety stop is latched");
    }

    // ---- the rules ------------------------------------------------------------------------------

    private String startRefusal(LiveState s) {
        if (s.over()) {
            return OVER;
        }
        if (s.state().latched() && !session.clearAskedSince(s)) {
            return latched(s);
        }
        if (s.state().motorOn()) {
            return "already running";
        }
        if (s.tripCondition() != null) {
            return "not started: " + s.tripCondition();
        }
        return null;
    }

    private String levelUpRefusal(LiveState s, int level) {
        if (s.over()) {
            return OVER;
        }
        if (level > s.info().lastLevel()) {
            return session.loop().bounds().whyUnusable(level);
        }
        if (s.state().latched()) {
            return latched(s);
        }
        if (s.derateLevel() != 0 && level > s.derateLevel()) {
            return "a safety rule holds the speed to level " + s.derateLevel()
                    + " (see its message); no level up until it lets go";
        }
        return null;
    }

    private static String clearRefusal(LiveState s) {
        if (s.over()) {
            return OVER;
        }
        if (s.state().latched() && s.tripCondition() != null) {
            return "faults not cleared: " + s.tripCondition();
        }
        return null;
    }

    private Outcome select(LiveState s, int level) {
        int current = currentLevel(s);
        if (level == current) {
            return Outcome.done("already at level " + level + " (" + ppm(s, level) + ")", 0);
        }
        if (level > current) {
            String why = levelUpRefusal(s, level);
            if (why != null) {
                return Outcome.refused(why);
            }
        } else if (level < s.info().firstLevel()) {
            return Outcome.refused(session.loop().bounds().whyUnusable(level));
        }
        try {
            session.loop().selectLevel(level);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(e.getMessage());
        }
        long taken = taken();
        pendingLevel = level;
        pendingUntilTick = taken + 1;
        String how = !s.state().motorOn() ? "from the next start, after the warm-up"
                : level > current ? "ramping up" : "slower at once";
        return Outcome.done("level " + level + " (" + ppm(s, level) + "): " + how, taken);
    }

    /**
     * The level the user has asked for: the one just requested until the loop has taken it (so
     * two quick presses of + go up two levels), else the published one.
     */
    private int currentLevel(LiveState s) {
        return pendingLevel != 0 && session.ticksStarted() < pendingUntilTick ? pendingLevel : s.level();
    }

    private long taken() {
        return session.ticksStarted() + 1;
    }

    private static String latched(LiveState s) {
        return s.state().label() + " latched (" + s.stopMessage() + "): clear it first";
    }

    private static String highest(LiveState s) {
        int last = s.info().lastLevel();
        boolean capped = last < s.info().levelPpm().size();
        return "level " + last + " (" + ppm(s, last) + ") is the highest" + (capped
                ? " usable here (the device's range, and the zone's maximum)" : "");
    }

    private static String ppm(LiveState s, int level) {
        return s.info().levelPpm().get(level - 1) + " ppm";
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? (long) s + " s" : s + " s";
    }

    private static final String NOT_STARTED = "the session has not started yet";
    private static final String OVER = "the session is over";
}
