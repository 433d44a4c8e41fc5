package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.config.CurrentLimits;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.SafetyLimits;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;

/**
 * Replays: a recording replays identically on today's controller; a changed threshold is caught
 * as a divergence at the tick where it first matters; another configuration tells how the outcome
 * changes.
 */
class ReplayTest {

    @TempDir
    static Path dir;

    static Path thermal;

    @BeforeAll
    static void record() throws Exception {
        thermal = Recordings.simulate(Recordings.scenario("thermal-runaway"), dir.resolve("thermal.rec"));
    }

    static PercussConfig withThermal(PercussConfig c, double from, double lowest, double trip) {
        SafetyLimits s = c.safety();
        return c.withSafety(new SafetyLimits(s.current(), s.stall(), new ThermalLimits(from, lowest, trip), s.supply(), s.dwell(),
                s.staleTelemetryPeriods()));
    }

    @Test
    void aFifteenMinuteSessionReplaysIdenticallyAndTakesWellUnderTwoMegabytes() throws Exception {
        Path file = Recordings.simulate(Recordings.scenario("fifteen-minute-session"), dir.resolve("fifteen.rec"));
        assertThat(Files.size(file)).as("15:10 at 100 Hz").isLessThan(600_000); // 437 KB measured; the target is 2 MB
        Recording r = Recording.read(file, false);
        Replay.Result result = Replay.run(r, null);
        assertThat(result.identical()).as("%s", result.divergence()).isTrue();
        assertThat(result.ticks()).isEqualTo(91_001);
        assertThat(ReplayReport.identical(result)).isEqualTo("identical: 91,001 ticks (910.00 s)");
    }

    @Test
    void aLowerTripTemperatureIsCaughtAtTheFirstTickWhoseReadingReachesIt() throws Exception {
        Recording recorded = Recording.read(thermal, false);
        // the tick the new limit must trip on, from the recorded telemetry alone
        Frame first = recorded.frames().stream().filter(f -> f.telemetry().temperatureCelsius() >= 78.0).findFirst()
                .orElseThrow();
        assertThat(first.state()).isEqualTo(LoopState.RUNNING);

        // today's controller with the thermal rule's trip moved from 80 °C to 78 °C
        PercussConfig changed = withThermal(recorded.header().config(), 60, 75, 78);
        Recording r = Recording.read(Recordings.withConfig(thermal, changed, dir.resolve("changed.rec")), false);
        Replay.Result result = Replay.run(r, null);

        Divergence d = result.divergence().orElseThrow();
        assertThat(d.tick()).isEqualTo(first.index());
        assertThat(d.seconds()).isEqualTo(recorded.seconds(first));
        // the trip stops the motor and replaces the derate the same reading asked for
        assertThat(d.differences()).containsExactly("state", "command", "commanded", "latched faults", "derate", "messages");
        assertThat(d.recorded().state()).isEqualTo(LoopState.RUNNING);
        assertThat(d.now().state()).isEqualTo(LoopState.FAULT);
        assertThat(d.now().askedPpm()).isZero();
        assertThat(d.rule()).startsWith("ThermalRule (temperature: trip_c): trip: over temperature: temperature 78.")
                .endsWith("°C at or above the 78 °C trip limit");
        assertThat(result.ticks()).as("a replay stops at the first divergence").isEqualTo(first.index());
        assertThat(ReplayReport.divergence(d).getFirst()).isEqualTo(String.format(Locale.ROOT,
                "diverged at tick %,d (t = %.2f s): state, command, commanded, latched faults, derate, messages",
                first.index(), recorded.seconds(first)));
    }

    @Test
    void anotherConfigurationNamesTheEarlierTripAndTheOpenLoopAfterIt() throws Exception {
        Recording r = Recording.read(thermal, false);
        Frame first = r.frames().stream().filter(f -> f.telemetry().temperatureCelsius() >= 78.0).findFirst().orElseThrow();
        Replay.Result result = Replay.run(r, Optional.of(withThermal(PercussConfig.DEFAULT, 60, 75, 78)), null);

        assertThat(result.ticks()).as("on to the end").isEqualTo(r.frames().size());
        assertThat(result.openLoopFrom()).contains(r.seconds(first));
        List<String> lines = ReplayReport.withOther("c.yaml", result);
        assertThat(lines).contains(String.format(Locale.ROOT, "open loop from %.2f s on: the recorded telemetry no longer"
                + " answers the new commands", r.seconds(first)));
        assertThat(lines).contains(String.format(Locale.ROOT, "  OVER_TEMPERATURE trip at %.2f s instead of 859.44 s",
                r.seconds(first)));
    }

    @Test
    void aSimulatedSessionLatchedByATripIsNotCalledRunning() {
        // simulate runs on to a fixed time after a latched stop: the session has not ended, but it is not running either
        SessionOutcome recorded = new SessionOutcome(false);
        recorded.observe(0, LoopState.RUNNING, 0, 0, List.of());
        recorded.observe(900, LoopState.FINISHED, 0, 0, List.of());
        recorded.observe(910, LoopState.FINISHED, 0, 0, List.of());
        SessionOutcome now = new SessionOutcome(false);
        now.observe(0, LoopState.RUNNING, 0, 0, List.of());
        now.observe(224, LoopState.FAULT, Fault.OVER_TEMPERATURE.mask(), 0, List.of());
        now.observe(910, LoopState.FAULT, Fault.OVER_TEMPERATURE.mask(), 0, List.of());
        assertThat(SessionOutcome.changes(recorded, now)).containsExactly("OVER_TEMPERATURE trip at 224.00 s (none recorded)",
                "session stopped in FAULT, not finished, when the recording ends at 15:10 (recorded: ends at 15:00)");
        now.observe(911, LoopState.RUNNING, 0, 0, List.of());
        assertThat(SessionOutcome.changes(recorded, now)).last().asString().startsWith("session still running when");
    }

    @Test
    void whenOnlyTheWordsDifferTheLoopStaysClosed() throws Exception {
        Recording r = Recording.read(thermal, false);
        // lowest_at_c appears in the derate's message; the derates come at the same readings up to 72 °C
        Replay.Result result = Replay.run(r, Optional.of(withThermal(PercussConfig.DEFAULT, 60, 75.5, 80)), null);
        Divergence d = result.divergence().orElseThrow();
        assertThat(d.differences()).containsExactly("messages");
        assertThat(d.rule()).startsWith("ThermalRule (temperature: derate_from_c, lowest_at_c), in its words: derating to level 4");
        assertThat(result.openLoopFrom().orElseThrow()).isGreaterThan(d.seconds());
    }

    @Test
    void raisingTheDerateLimitMeansNoDerate() throws Exception {
        Recording r = Recording.read(Recordings.simulate(Recordings.scenario("excessive-pressure"), dir.resolve("p.rec")),
                false);
        SafetyLimits s = PercussConfig.DEFAULT.safety();
        PercussConfig gentle = PercussConfig.DEFAULT.withSafety(new SafetyLimits(new CurrentLimits(6.0, Duration.ofSeconds(1),
                8.0, Duration.ofMillis(100)), s.stall(), s.thermal(), s.supply(), s.dwell(), s.staleTelemetryPeriods()));
        Replay.Result result = Replay.run(r, Optional.of(gentle), null);
        assertThat(ReplayReport.withOther("gentle.yaml", result)).anySatisfy(l ->
                assertThat(l).matches("  no derate \\(recorded from 3\\d\\.\\d\\d s, down to level 1\\)"));
        assertThat(result.divergence().orElseThrow().rule()).startsWith("PressureRule (current: derate_amps, derate_after)");
    }

    @Test
    void aShorterSessionLimitEndsTheSessionEarlier() throws Exception {
        Recording r = Recording.read(Recordings.run(2, Duration.ofMinutes(15), dir.resolve("run.rec")), false);
        assertThat(Replay.run(r, null).identical()).isTrue();
        Replay.Result result = Replay.run(r, Optional.of(PercussConfig.DEFAULT.withSessionLimit(Duration.ofMinutes(10))), null);
        assertThat(ReplayReport.withOther("ten.yaml", result)).contains("  session ends at 10:00 (session limit of 10:00"
                + " reached) instead of 15:00 (session limit of 15:00 reached)");
        assertThat(result.ticks()).as("a run's ticks end when the loop stops").isEqualTo(60_001);
        assertThat(result.divergence().orElseThrow().rule()).startsWith("SessionTimer (session_limit, or the zone's budget: the"
                + " warning before the end), in its words: warning: the session ends in 1:00");
    }

    @Test
    void theRecordedConfigurationReplaysTheSameAsGivingItAgain() throws Exception {
        Recording r = Recording.read(thermal, false);
        Replay.Result result = Replay.run(r, Optional.of(PercussConfig.DEFAULT), null);
        assertThat(result.identical()).isTrue();
        assertThat(ReplayReport.withOther("same.yaml", result).getFirst())
                .isEqualTo("identical with same.yaml: 91,001 ticks (910.00 s); nothing changes");
    }
}
