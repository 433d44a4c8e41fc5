package org.percuss.controller.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.loop.StopReason;
import org.percuss.device.api.Input;

class LiveControlTest {

    private final LiveHarness h = new LiveHarness();

    private void runningAt(int level) {
        assertThat(h.control.selectLevel(level).ok()).isTrue();
        assertThat(h.control.start().ok()).isTrue();
        h.run(Duration.ofSeconds(25));
        assertThat(h.state().state()).isEqualTo(LoopState.RUNNING);
    }

    @Nested
    class Levels {

        @Test
        void twoQuickLevelUpsGoUpTwoLevelsBeforeTheLoopHasTakenEither() {
            runningAt(2);
            assertThat(h.control.levelUp().message()).startsWith("level 3 (2200 ppm): ramping up");
            assertThat(h.control.levelUp().message()).startsWith("level 4 (2700 ppm)");
            h.ticks(1);
            assertThat(h.state().level()).isEqualTo(4);
            assertThat(h.state().state()).isEqualTo(LoopState.RAMPING);
        }

        @Test
        void anIncreaseRampsAndADecreaseIsImmediate() {
            runningAt(2);
            h.control.levelUp();
            h.ticks(1);
            int before = h.state().commandedPpm();
            h.ticks(100);
            assertThat(h.state().commandedPpm() - before).isBetween(190, 250); // never faster than 250 ppm/s (whole ppm a tick)
            assertThat(h.state().state()).isEqualTo(LoopState.RAMPING);
            h.run(Duration.ofSeconds(5));
            assertThat(h.state().commandedPpm()).isEqualTo(2200);
            assertThat(h.control.levelDown().message()).isEqualTo("level 2 (1700 ppm): slower at once");
            h.ticks(1);
            assertThat(h.state().commandedPpm()).isEqualTo(1700);
        }

        @Test
        void aLevelUpAboveTheHighestIsRefusedWithTheReason() {
            runningAt(5);
            Outcome o = h.control.levelUp();
            assertThat(o.kind()).isEqualTo(Outcome.Kind.REFUSED);
            assertThat(o.message()).isEqualTo("level 5 (3200 ppm) is the highest");
        }

        @Test
        void aLevelThatDoesNotExistIsInvalidAndOneOutsideAZonesMaximumIsRefused() {
            assertThat(h.control.selectLevel(9).kind()).isEqualTo(Outcome.Kind.INVALID);
            assertThat(h.control.selectLevel(0).message()).isEqualTo("level must be 1..5, got 0");
            LiveHarness capped = new LiveHarness(PercussConfig.DEFAULT, 3, "neck", Duration.ofMinutes(10).toNanos());
            Outcome o = capped.control.selectLevel(5);
            assertThat(o.kind()).isEqualTo(Outcome.Kind.REFUSED);
            assertThat(o.message()).isEqualTo("level 5 (3200 ppm) is outside the usable levels 1..3 (the device's range,"
                    + " and the zone's maximum)");
            assertThat(capped.control.selectLevel(3).ok()).isTrue();
            capped.ticks(1);
            assertThat(capped.control.levelUp().message())
                    .isEqualTo("level 3 (2200 ppm) is the highest usable here (the device's range, and the zone's maximum)");
        }

        @Test
        void levelDownAtTheLowestLevelSaysSoAndIsNotAnError() {
            Outcome o = h.control.levelDown();
            assertThat(o.ok()).isTrue();
            assertThat(o.message()).isEqualTo("already at the lowest level, 1 (1200 ppm)");
        }

        @Test
        void aLevelUpWhileASafetyRuleDeratesIsRefused() {
            LiveState s = h.state();
            LiveState derated = new LiveState(s.info(), s.tick(), s.elapsedSeconds(), LoopState.RUNNING, 3, 1200, 1200,
                    1200, 1, 900, null, null, null, null, List.of(), "", 1, null, 0, false, List.of(), null);
            assertThat(h.control.refusals(derated).levelUp())
                    .isEqualTo("a safety rule holds the speed to level 1 (see its message); no level up until it lets go");
        }
    }

    @Nested
    class StopsAndStarts {

        @Test
        void theEmergencyStopIsTakenByTheNextTickCommandsZeroAndLatches() {
            runningAt(3);
            Outcome o = h.control.emergencyStop();
            assertThat(o.ok()).isTrue();
            assertThat(o.takenByTick()).isEqualTo(h.session.ticksStarted() + 1);
            h.ticks(1);
            LiveState s = h.state();
            assertThat(s.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            assertThat(s.commandedPpm()).isZero();
            assertThat(s.latchedAtTick()).isEqualTo(o.takenByTick());
            assertThat(s.stopMessage()).isEqualTo("emergency stop: requested by the user");
            h.run(Duration.ofSeconds(3));
            assertThat(h.state().state()).isEqualTo(LoopState.EMERGENCY_STOP);
        }

        @Test
        void aStartWhileLatchedIsRefusedUntilAClearIsAsked() {
            runningAt(3);
            h.control.emergencyStop();
            h.ticks(1);
            Outcome refused = h.control.start();
            assertThat(refused.kind()).isEqualTo(Outcome.Kind.REFUSED);
            assertThat(refused.message()).isEqualTo("emergency stop latched (emergency stop: requested by the user): clear it first");
            assertThat(h.control.levelUp().message()).endsWith("clear it first");
        }

        @Test
        void clearThenStartAtOnceStartsAgainAtTheLowestLevelWithAWarmUp() {
            runningAt(4);
            h.control.emergencyStop();
            h.run(Duration.ofSeconds(2)); // the motor runs down (its braking current is a trip condition meanwhile)
            assertThat(h.control.clearFaults().ok()).isTrue();
            assertThat(h.control.start().ok()).isTrue(); // before the clear is answered: the loop starts after it
            h.run(Duration.ofMillis(100));
            LiveState s = h.state();
            assertThat(s.state()).isEqualTo(LoopState.WARM_UP);
            assertThat(s.commandedPpm()).isEqualTo(1200);
            assertThat(s.level()).isEqualTo(4);
            h.run(Duration.ofSeconds(9));
            assertThat(h.state().commandedPpm()).isEqualTo(1200);
            h.run(Duration.ofSeconds(2));
            assertThat(h.state().state()).isEqualTo(LoopState.RAMPING);
        }

        @Test
        void aClearRightAfterAStopIsRefusedByTheLoopWhileTheBrakingCurrentTripsAndSaysSo() {
            runningAt(4);
            h.control.emergencyStop();
            h.ticks(1);
            assertThat(h.control.clearFaults().ok()).isTrue();
            h.ticks(2);
            assertThat(h.state().state()).isEqualTo(LoopState.EMERGENCY_STOP);
            assertThat(h.state().messages().get(h.state().messages().size() - 1).text())
                    .startsWith("faults not cleared: over current");
        }

        @Test
        void aClearIsRefusedWhileTheEmergencyStopInputIsStillActive() {
            runningAt(2);
            h.board.setInput(Input.EMERGENCY_STOP, true);
            h.run(Duration.ofMillis(100));
            assertThat(h.state().state()).isEqualTo(LoopState.EMERGENCY_STOP);
            Outcome o = h.control.clearFaults();
            assertThat(o.kind()).isEqualTo(Outcome.Kind.REFUSED);
            assertThat(o.message()).isEqualTo("faults not cleared: emergency stop: the emergency-stop input is still active");
            h.board.setInput(Input.EMERGENCY_STOP, false);
            h.run(Duration.ofMillis(100));
            assertThat(h.control.clearFaults().ok()).isTrue();
            h.run(Duration.ofMillis(100));
            assertThat(h.state().state()).isEqualTo(LoopState.IDLE);
        }

        @Test
        void aStartWhileRunningIsRefusedAndPauseAndFinishNeverAre() {
            runningAt(2);
            assertThat(h.control.start().message()).isEqualTo("already running");
            assertThat(h.control.pause().message()).isEqualTo("paused: the motor stops at once");
            h.ticks(1);
            assertThat(h.state().state()).isEqualTo(LoopState.PAUSED);
            assertThat(h.state().commandedPpm()).isZero();
            assertThat(h.control.pause().ok()).isTrue();
            h.run(Duration.ofSeconds(2));
            assertThat(h.control.pauseOrResume().message()).startsWith("starting at the lowest level, 1200 ppm, with a 10 s warm-up");
            h.ticks(1);
            assertThat(h.state().state()).isEqualTo(LoopState.WARM_UP);
            assertThat(h.control.finish().ok()).isTrue();
            h.ticks(1);
            assertThat(h.state().over()).isTrue();
            assertThat(h.loop.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        }

        @Test
        void afterTheEndStartsAndLevelUpsAreRefusedAndStopsStillAnswer() {
            h.control.start();
            h.control.finish();
            h.ticks(1);
            assertThat(h.control.start().message()).isEqualTo("the session is over");
            assertThat(h.control.levelUp().message()).isEqualTo("the session is over");
            assertThat(h.control.emergencyStop().ok()).isTrue();
            assertThat(h.control.pause().message()).isEqualTo("the session is over; the motor is stopped");
            assertThat(h.control.finish().message()).isEqualTo("the session is over");
            h.ticks(5);
            assertThat(h.state().commandedPpm()).isZero();
        }

        @Test
        void aFinishWhileLatchedEndsTheSessionAsTheSafetyStop() {
            runningAt(2);
            h.control.emergencyStop();
            h.ticks(1);
            h.control.finish();
            h.ticks(1);
            assertThat(h.state().over()).isTrue();
            assertThat(h.loop.stopReason()).isEqualTo(StopReason.EMERGENCY_STOP);
        }
    }

    @Test
    void theRefusalsTellThePageWhichButtonsWork() {
        LiveControl.Refusals idle = h.control.refusals(h.state());
        assertThat(idle.start()).isNull();
        assertThat(idle.levelUp()).isNull();
        assertThat(idle.clear()).isEqualTo("no safety stop is latched");
        runningAt(5);
        LiveControl.Refusals running = h.control.refusals(h.state());
        assertThat(running.start()).isEqualTo("already running");
        assertThat(running.levelUp()).isEqualTo("level 5 (3200 ppm) is the highest");
    }
}
