package org.percuss.controller.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.loop.Request;
import org.percuss.device.time.Ticker;

/**
 * Re-runs today's control loop on a recording's inputs, in virtual time, and compares what it
 * decides with what was recorded, tick by tick (docs/recording.md). The loop is built as the
 * recorded one was (the header's configuration, zone and session options), drives a
 * {@link ReplayDevice} that answers as the recorded device did, and is ticked at the recorded
 * times, each tick taking the recorded requests. Nothing touches hardware; a 15-minute recording
 * replays in a fraction of a second.
 *
 * <p>With another configuration the replay runs on after the first divergence ("open loop": the
 * recorded telemetry no longer answers the new commands) so that the outcomes can be compared.
 */
public final class Replay {

    /** Sees the replayed loop after each tick, beside the recorded tick (for a plot). */
    @FunctionalInterface
    public interface TickView {
        /**
         * @param loop the replayed loop, after its tick
         * @param recorded the recorded tick
         * @param said what the replayed loop told its listener on this tick
         */
        void afterTick(ControlLoop loop, Frame recorded, List<Message> said);
    }

    /** The recording cannot be replayed this way (no tick, or a configuration it cannot run under). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * What a replay found.
     *
     * @param ticks how many ticks were replayed
     * @param seconds the time of the last one, from the first
     * @param divergence the first tick that decided otherwise, if any
     * @param recorded how the recorded session turned out
     * @param now how the replayed one did
     * @param openLoopFrom the time of the first tick that sent the device something else than the
     *        recorded tick did (a command, a clear), from which on the recorded telemetry no longer
     *        answers what was sent; empty while every tick sent the same
     * @param notes what the replay had to leave out (a requested level the other configuration has not)
     */
    public record Result(int ticks, double seconds, Optional<Divergence> divergence, SessionOutcome recorded,
                         SessionOutcome now, Optional<Double> openLoopFrom, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }

        public boolean identical() {
            return divergence.isEmpty();
        }
    }

    private Replay() {
    }

    /**
     * Replays {@code recording} with its own configuration, stopping at the first divergence.
     *
     * @param view sees every replayed tick; may be null
     */
    public static Result run(Recording recording, TickView view) throws Refused {
        return run(recording, Optional.empty(), view);
    }

    /**
     * Replays {@code recording} with {@code other} settings instead of the recorded ones (the
     * recorded session's limit, warm-up and zone applied on top, as the recorded command would
     * have), on through the first divergence, so that the outcomes can be compared.
     *
     * @param other the configuration to replay with; empty for the recorded one (then it stops at
     *        the first divergence)
     * @param view sees every replayed tick; may be null
     * @throws Refused when the recording holds no tick, or {@code other} cannot run the session
     */
    public static Result run(Recording recording, Optional<PercussConfig> other, TickView view) throws Refused {
        if (recording.frames().isEmpty()) {
            throw new Refused("the recording holds no tick: nothing to replay");
        }
        RecordingHeader h = recording.header();
        RecordedSession session = h.session();
        PercussConfig config = other.map(session::applyTo).orElse(h.config());
        ReplayClock clock = new ReplayClock(recording.frames().getFirst().nanos());
        ReplayDevice device = new ReplayDevice(h.deviceName(), h.capabilities(), recording.initialTelemetry());
        Heard heard = new Heard();
        ControlLoop loop;
        try {
            loop = ControlLoop.builder(device, config, clock).plan(session.plan(config)).listener(heard).build();
        } catch (IllegalArgumentException e) {
            throw new Refused("cannot build the controller with " + (other.isPresent() ? "that configuration" : "the recorded one")
                    + ": " + e.getMessage());
        }
        boolean throughDivergence = other.isPresent();
        SessionOutcome recorded = new SessionOutcome(session.endsWhenStopped());
        SessionOutcome now = new SessionOutcome(session.endsWhenStopped());
        List<String> notes = new ArrayList<>();
        Divergence divergence = null;
        Double openLoopFrom = null;
        int ticks = 0;
        double seconds = 0;
        long origin = recording.frames().getFirst().nanos();
        for (Frame f : recording.frames()) {
            seconds = (f.nanos() - origin) / 1e9;
            clock.set(f.nanos());
            device.enter(f);
            ask(loop, f, seconds, notes);
            heard.messages.clear();
            loop.tick();
            ticks++;
            recorded.observe(seconds, f.state(), f.latchedBits(), f.derateLevel(), f.messages());
            now.observe(seconds, loop.state(), loop.latchedFaultBits(), loop.derateLevel(), heard.messages);
            if (view != null) {
                view.afterTick(loop, f, heard.messages);
            }
            if (openLoopFrom == null && (device.asked() != f.askedPpm() || device.clearRequested() != f.clearRequested())) {
                openLoopFrom = seconds;
            }
            if (divergence == null && !agrees(f, loop, device, heard.messages)) {
                Decisions was = Decisions.of(f);
                Decisions is = new Decisions(loop.state(), loop.level(), loop.targetPpm(), device.asked(), loop.commandedPpm(),
                        loop.latchedFaultBits(), loop.derateLevel(), device.clearRequested());
                List<String> differences = was.differences(is);
                if (!f.messages().equals(heard.messages)) {
                    differences.add("messages");
                }
                if (!differences.isEmpty()) {
                    divergence = new Divergence(f.index(), seconds, was, is, f.messages(), heard.messages, differences,
                            RuleInvolved.of(was, is, f.messages(), heard.messages));
                    if (!throughDivergence) {
                        break;
                    }
                }
            }
            if (session.endsWhenStopped() && loop.stopped()) {
                break; // the session's driver would tick no more
            }
        }
        for (Frame f : recording.frames().subList(ticks, recording.frames().size())) {
            // the recorded session's outcome is the whole recording's, though the replayed one ended earlier
            recorded.observe((f.nanos() - origin) / 1e9, f.state(), f.latchedBits(), f.derateLevel(), f.messages());
        }
        return new Result(ticks, seconds, Optional.ofNullable(divergence), recorded, now, Optional.ofNullable(openLoopFrom),
                notes);
    }

    /** Whether the tick decided as {@code f} recorded (compared field by field: most ticks agree, and cost nothing). */
    private static boolean agrees(Frame f, ControlLoop loop, ReplayDevice device, List<Message> said) {
        return f.state() == loop.state() && f.level() == loop.level() && f.targetPpm() == loop.targetPpm()
                && f.askedPpm() == device.asked() && f.commandedPpm() == loop.commandedPpm()
                && f.latchedBits() == loop.latchedFaultBits() && f.derateLevel() == loop.derateLevel()
                && f.clearRequested() == device.clearRequested() && f.messages().equals(said);
    }

    /** The tick's recorded requests, asked again through the loop's own request methods. */
    private static void ask(ControlLoop loop, Frame f, double seconds, List<String> notes) {
        int r = f.requests();
        if (r == 0) {
            return;
        }
        if (Request.LEVEL.in(r)) {
            try {
                loop.selectLevel(f.requestedLevel());
            } catch (IllegalArgumentException e) {
                notes.add(String.format(Locale.ROOT, "at %.2f s the level %d was asked for, left out: %s", seconds,
                        f.requestedLevel(), e.getMessage()));
            }
        }
        if (Request.START.in(r)) {
            loop.start();
        }
        if (Request.PAUSE.in(r)) {
            loop.pause();
        }
        if (Request.EMERGENCY_STOP.in(r)) {
            loop.emergencyStop();
        }
        if (Request.CLEAR.in(r)) {
            loop.clearFaults();
        }
        if (Request.FINISH.in(r)) {
            loop.finish(f.finish());
        }
    }

    /** The replayed loop's messages on the tick under way. */
    private static final class Heard implements LoopListener {
        final List<Message> messages = new ArrayList<>();

        @Override
        public void stateChanged(LoopState from, LoopState to, String why) {
            messages.add(new Message(Message.Kind.STATE, from, to, why));
        }

        @Override
        public void warning(String message) {
            messages.add(new Message(Message.Kind.WARNING, null, null, message));
        }

        @Override
        public void safetyEvent(String message) {
            messages.add(new Message(Message.Kind.SAFETY, null, null, message));
        }
    }

    /** The recorded ticks' times, as the replayed loop reads them. */
    private static final class ReplayClock implements Ticker {
        private long nanos;

        ReplayClock(long start) {
            this.nanos = start;
        }

        void set(long to) {
            nanos = to;
        }

        @Override
        public long nanos() {
            return nanos;
        }
    }
}
