package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.CurrentLimits;
import org.percuss.controller.config.DwellLimits;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.SafetyLimits;
import org.percuss.controller.config.StallLimits;
import org.percuss.controller.config.SupplyLimits;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.simulator.physics.PhysicsParameters;

class ControlLoopTest {

    private static final long TICK = 10_000_000L;

    @Nested
    class StartLowWarmUpAndRamp {

        private final LoopHarness h = new LoopHarness();

        @Test
        void theFirstCommandIsTheLowestLevelHeldForTheWarmUp() {
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(10));
            LoopHarness.Sample first = h.firstNonZeroFrom(0);
            assertThat(first.commandedPpm()).isEqualTo(1200);
            assertThat(first.state()).isEqualTo(LoopState.WARM_UP);
            // every tick from 0.00 s to 10.00 s, both included, commands exactly 1200
            assertThat(h.samples).hasSize(1001)
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isEqualTo(1200));
            assertThat(h.last().state()).isEqualTo(LoopState.RAMPING);
            h.run(Duration.ofMillis(10));
            assertThat(h.last().commandedPpm()).isEqualTo(1202);
        }

        @Test
        void rampsAtTheRateToTheLevelAndNoFaster() {
            h.loop.selectLevel(5);
            h.loop.start();
            h.run(Duration.ofSeconds(30));
            // 10 s warm-up, then 2000 ppm at 2 whole ppm a tick (250 ppm/s allows 2.5) = 10 s
            assertThat(h.samples).filteredOn(s -> s.seconds() < 19.995)
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isLessThan(3200));
            assertThat(h.samples).filteredOn(s -> s.seconds() >= 20.0)
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isEqualTo(3200));
            assertThat(h.worstRampExcessPpm(250)).isLessThanOrEqualTo(0.0);
            assertThat(h.worstTickIncreasePpm()).isEqualTo(2);
            assertThat(h.loop.state()).isEqualTo(LoopState.RUNNING);
            assertThat(h.samples).filteredOn(s -> s.nanos() == 12_000_000_000L)
                    .singleElement().extracting(LoopHarness.Sample::commandedPpm).isEqualTo(1600);
        }

        @Test
        void aLevelOneSessionGoesFromWarmUpStraightToRunning() {
            h.loop.start();
            h.run(Duration.ofSeconds(11));
            assertThat(h.samples).allSatisfy(s -> assertThat(s.commandedPpm()).isEqualTo(1200));
            assertThat(h.events).containsSubsequence("WARM_UP: started at the lowest level", "RUNNING");
            assertThat(h.events).noneMatch(e -> e.startsWith("RAMPING"));
        }

        @Test
        void decreasesAreImmediate() {
            h.loop.selectLevel(4);
            h.loop.start();
            h.run(Duration.ofSeconds(30));
            assertThat(h.last().commandedPpm()).isEqualTo(2700);
            h.loop.selectLevel(2);
            h.run(Duration.ofMillis(10));
            assertThat(h.last().commandedPpm()).isEqualTo(1700);
        }

        @Test
        void anIncreaseWhileRunningRampsWithoutAnotherWarmUp() {
            h.loop.selectLevel(2);
            h.loop.start();
            h.run(Duration.ofSeconds(20));
            assertThat(h.last().commandedPpm()).isEqualTo(1700);
            h.loop.selectLevel(3);
            h.run(Duration.ofSeconds(1));
            assertThat(h.last().commandedPpm()).isEqualTo(1900);
            assertThat(h.worstTickIncreasePpm()).isEqualTo(2);
        }

        @Test
        void aPauseStopsAtOnceAndAResumeStartsLowWithAFreshWarmUp() {
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(20));
            assertThat(h.last().commandedPpm()).isEqualTo(2200);
            h.loop.pause();
            h.run(Duration.ofMillis(10));
            assertThat(h.last().commandedPpm()).isZero();
            assertThat(h.loop.state()).isEqualTo(LoopState.PAUSED);
            h.run(Duration.ofSeconds(5));
            long resumeAt = h.clock.nanos();
            h.loop.start();
            h.run(Duration.ofSeconds(10));
            assertThat(h.firstNonZeroFrom(resumeAt).commandedPpm()).isEqualTo(1200);
            assertThat(h.samples).filteredOn(s -> s.nanos() > resumeAt)
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isEqualTo(1200));
        }

        @Test
        void aZeroWarmUpStillStartsAtTheLowestLevel() {
            LoopHarness z = new LoopHarness(PercussConfig.DEFAULT.withWarmup(Duration.ZERO));
            z.loop.selectLevel(3);
            z.loop.start();
            z.run(Duration.ofSeconds(1));
            assertThat(z.firstNonZeroFrom(0).commandedPpm()).isEqualTo(1200);
            assertThat(z.samples.get(1).commandedPpm()).isEqualTo(1202);
        }
    }

    @Nested
    class Bounds {

        private final LoopHarness h = new LoopHarness();

        @Test
        void levelsOutsideTheConfiguredOnesAreRefusedWithAReason() {
            assertThatThrownBy(() -> h.loop.selectLevel(6)).hasMessage("level must be 1..5, got 6");
            assertThatThrownBy(() -> h.loop.selectLevel(0)).hasMessage("level must be 1..5, got 0");
        }

        @Test
        void theCommandIsAlwaysZeroOrInsideTheLevels() {
            h.loop.selectLevel(5);
            h.loop.start();
            h.run(Duration.ofSeconds(40));
            h.loop.selectLevel(1);
            h.run(Duration.ofSeconds(5));
            assertThat(h.samples).allSatisfy(s -> assertThat(s.commandedPpm() == 0
                    || (s.commandedPpm() >= 1200 && s.commandedPpm() <= 3200)).isTrue());
        }

        @Test
        void buttonsChangeTheLevelAndAreClampedAtTheEnds() {
            h.loop.start();
            h.run(Duration.ofSeconds(11));
            for (int i = 0; i < 7; i++) {
                press(Input.PLUS_BUTTON);
            }
            assertThat(h.loop.level()).isEqualTo(5);
            for (int i = 0; i < 9; i++) {
                press(Input.MINUS_BUTTON);
            }
            assertThat(h.loop.level()).isEqualTo(1);
            press(Input.POWER_BUTTON);
            assertThat(h.loop.state()).isEqualTo(LoopState.PAUSED);
            assertThat(h.last().commandedPpm()).isZero();
        }

        private void press(Input button) {
            h.board.setInput(button, true);
            h.run(Duration.ofMillis(40));
            h.board.setInput(button, false);
            h.run(Duration.ofMillis(40));
        }
    }

    @Nested
    class SessionLimit {

        @Test
        void stopsAfterFifteenMinutesOfRunningTimeAndWarnsAMinuteBefore() {
            LoopHarness h = new LoopHarness();
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofMinutes(16));
            long running = h.samples.stream().filter(s -> s.commandedPpm() > 0).count() * TICK;
            assertThat(running).isBetween(Duration.ofMinutes(15).toNanos() - TICK, Duration.ofMinutes(15).toNanos() + TICK);
            assertThat(h.loop.state()).isEqualTo(LoopState.FINISHED);
            assertThat(h.loop.stopReason()).isEqualTo(StopReason.SESSION_LIMIT);
            assertThat(h.samples).filteredOn(s -> s.nanos() >= Duration.ofMinutes(15).toNanos())
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isZero());
            assertThat(h.events).containsSubsequence("warning: the session ends in 1:00",
                    "FINISHED: session limit of 15:00 reached");
            // the warning came at 14:00 of running time
            assertThat(h.loop.runningNanos()).isEqualTo(Duration.ofMinutes(15).toNanos());
        }

        @Test
        void pausedTimeDoesNotCount() {
            LoopHarness h = new LoopHarness(PercussConfig.DEFAULT.withSessionLimit(Duration.ofSeconds(20)));
            h.loop.start();
            h.run(Duration.ofSeconds(10));
            h.loop.pause();
            h.run(Duration.ofSeconds(30));
            h.loop.start();
            h.run(Duration.ofSeconds(9));
            assertThat(h.loop.state()).isNotEqualTo(LoopState.FINISHED);
            h.run(Duration.ofSeconds(2));
            assertThat(h.loop.state()).isEqualTo(LoopState.FINISHED);
            assertThat(h.loop.runningNanos()).isEqualTo(Duration.ofSeconds(20).toNanos());
        }

        @Test
        void aFinishedSessionCannotBeRestarted() {
            LoopHarness h = new LoopHarness(PercussConfig.DEFAULT.withSessionLimit(Duration.ofSeconds(5)));
            h.loop.start();
            h.run(Duration.ofSeconds(6));
            h.loop.start();
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.state()).isEqualTo(LoopState.FINISHED);
            assertThat(h.last().commandedPpm()).isZero();
        }
    }

    @Nested
    class EmergencyStopAndFaults {

        private final LoopHarness h = new LoopHarness();

        @Test
        void anEmergencyStopInTheMiddleOfARampCommandsZeroOnTheNextTickAndLatches() {
            h.loop.selectLevel(5);
            h.loop.start();
            h.run(Duration.ofSeconds(13));
            assertThat(h.loop.state()).isEqualTo(LoopState.RAMPING);
            int before = h.samples.size();
            h.loop.emergencyStop();
            h.run(Duration.ofMillis(10));
            assertThat(h.samples).hasSize(before + 1);
            assertThat(h.last().commandedPpm()).isZero();
            assertThat(h.last().state()).isEqualTo(LoopState.EMERGENCY_STOP);
            assertThat(h.board.targetPpm()).isZero();
            // latched: a start does nothing until it is cleared
            h.loop.start();
            h.run(Duration.ofSeconds(5));
            assertThat(h.samples.subList(before, h.samples.size()))
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isZero());
            assertThat(h.loop.stopReason()).isEqualTo(StopReason.EMERGENCY_STOP);
            assertThat(h.loop.stopMessage()).isEqualTo("emergency stop: requested by the user");
        }

        @Test
        void theEmergencyStopInputCommandsZeroOnTheTickTheTelemetryShowsIt() {
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(12));
            h.board.setInput(Input.EMERGENCY_STOP, true);
            // the board reports it within one telemetry period; the host stops on that tick
            long pressed = h.clock.nanos();
            h.run(Duration.ofMillis(40));
            LoopHarness.Sample stop = h.samples.stream()
                    .filter(s -> s.nanos() > pressed && s.commandedPpm() == 0).findFirst().orElseThrow();
            assertThat(stop.nanos() - pressed).isLessThanOrEqualTo(20_000_000L + TICK);
            assertThat(stop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            // cannot be cleared while the input is still active
            h.loop.clearFaults();
            h.run(Duration.ofMillis(50));
            assertThat(h.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            h.board.setInput(Input.EMERGENCY_STOP, false);
            h.loop.clearFaults();
            h.run(Duration.ofMillis(50));
            assertThat(h.loop.state()).isEqualTo(LoopState.IDLE);
        }

        @Test
        void aFaultDuringWarmUpStopsOnTheTickItIsReported() {
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(4));
            assertThat(h.loop.state()).isEqualTo(LoopState.WARM_UP);
            h.board.setFaultCondition(Fault.OVER_TEMPERATURE, true);
            long injected = h.clock.nanos();
            h.run(Duration.ofMillis(30));
            LoopHarness.Sample stop = h.samples.stream()
                    .filter(s -> s.nanos() > injected && s.commandedPpm() == 0).findFirst().orElseThrow();
            long reportedAt = h.device.telemetry().receivedNanos();
            assertThat(h.device.telemetry().faults().contains(Fault.OVER_TEMPERATURE)).isTrue();
            // the first tick at or after the report commands zero
            assertThat(stop.nanos()).isBetween(reportedAt, reportedAt + TICK);
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);
            assertThat(h.loop.stopReason()).isEqualTo(StopReason.FAULT);
            assertThat(h.loop.stopMessage()).isEqualTo("over temperature: reported by the device");
            assertThat(h.loop.latchedFaults().contains(Fault.OVER_TEMPERATURE)).isTrue();
        }

        @Test
        void aResumeAfterClearingAFaultStartsAtTheLowestLevelWithAFreshWarmUp() {
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(30));
            assertThat(h.last().commandedPpm()).isEqualTo(2200);
            h.board.setFaultCondition(Fault.STALL, true);
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);

            h.loop.clearFaults();
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.state()).as("the stall is still present").isEqualTo(LoopState.FAULT);

            h.board.setFaultCondition(Fault.STALL, false);
            h.loop.clearFaults();
            h.run(Duration.ofMillis(100));
            assertThat(h.loop.state()).isEqualTo(LoopState.IDLE);
            assertThat(h.loop.latchedFaults().isEmpty()).isTrue();
            assertThat(h.last().commandedPpm()).isZero();

            long resumeAt = h.clock.nanos();
            h.loop.start();
            h.run(Duration.ofSeconds(10));
            assertThat(h.firstNonZeroFrom(resumeAt).commandedPpm()).isEqualTo(1200);
            assertThat(h.samples).filteredOn(s -> s.nanos() > resumeAt)
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isEqualTo(1200));
            h.run(Duration.ofSeconds(10));
            assertThat(h.last().commandedPpm()).isEqualTo(2200);
        }

        @Test
        void aLostLinkIsAFaultThatCommandsZero() {
            h.loop.start();
            h.run(Duration.ofSeconds(2));
            h.device.close();
            h.run(Duration.ofMillis(10));
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);
            assertThat(h.loop.stopReason()).isEqualTo(StopReason.LINK_LOST);
            assertThat(h.loop.commandedPpm()).isZero();
            assertThat(h.board.targetPpm()).isZero();
        }

        @Test
        void theBoardsWatchdogStopsTheMotorWhenTheLoopStopsTicking() {
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(20));
            assertThat(h.board.targetPpm()).isEqualTo(2200);
            h.hang();
            h.run(Duration.ofMillis(240));
            assertThat(h.board.targetPpm()).isEqualTo(2200);
            // the last command came at the hang; 250 ms later the board stops on its own
            h.run(Duration.ofMillis(10));
            assertThat(h.board.targetPpm()).isZero();
            assertThat(h.board.latchedFaults().contains(Fault.COMM_TIMEOUT)).isTrue();
        }

        @Test
        void aClearInTheSameTickAsAnEmergencyStopDoesNotUndoIt() {
            // found by SafetyInvariantsProperties: the e-stop latched and was cleared in one tick,
            // and the motor never saw a zero
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(20));
            h.loop.emergencyStop();
            h.loop.clearFaults();
            h.loop.start();
            h.run(Duration.ofMillis(10));
            assertThat(h.last().commandedPpm()).isZero();
            assertThat(h.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.state()).as("latched until a later clear").isEqualTo(LoopState.EMERGENCY_STOP);
            h.loop.clearFaults();
            h.run(Duration.ofMillis(10));
            assertThat(h.loop.state()).as("until a report measured after the clear arrives").isEqualTo(LoopState.EMERGENCY_STOP);
            h.run(Duration.ofMillis(20));
            assertThat(h.loop.state()).isEqualTo(LoopState.IDLE);
        }

        @Test
        void anEmergencyStopInTheTickAClearIsAnsweredIsNotSwallowedByIt() {
            // found by SafetyInvariantsProperties: e-stop, clear, and a second e-stop 20 ms later,
            // on the tick the device's answer to the clear arrived
            h.loop.start();
            h.run(Duration.ofSeconds(1));
            h.loop.emergencyStop();
            h.run(Duration.ofMillis(10));
            h.loop.clearFaults();
            h.run(Duration.ofMillis(10));
            for (int i = 0; i < 5 && h.loop.state() == LoopState.EMERGENCY_STOP; i++) {
                h.loop.emergencyStop(); // on whichever tick the answer comes
                h.run(Duration.ofMillis(10));
            }
            assertThat(h.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            assertThat(h.events).contains("warning: faults not cleared: the emergency stop was pressed on this tick");
        }

        @Test
        void aFinishWhileLatchedEndsTheSessionAndTheSafetyStopStaysItsReason() {
            h.loop.start();
            h.run(Duration.ofSeconds(1));
            h.loop.emergencyStop();
            h.run(Duration.ofMillis(10));
            assertThat(h.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
            h.loop.finish(StopReason.INTERRUPTED);
            h.run(Duration.ofMillis(10));
            assertThat(h.loop.state()).isEqualTo(LoopState.FINISHED);
            assertThat(h.loop.stopReason()).isEqualTo(StopReason.EMERGENCY_STOP);
            assertThat(h.loop.stopMessage()).isEqualTo("emergency stop: requested by the user");
            // final: neither a clear nor a start brings it back
            h.loop.clearFaults();
            h.loop.start();
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.state()).isEqualTo(LoopState.FINISHED);
            assertThat(h.last().commandedPpm()).isZero();
        }

        @Test
        void theTripConditionSaysWhyAStartWouldBeRefusedNow() {
            h.loop.start();
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.tripCondition()).isNull();
            h.board.setInput(Input.EMERGENCY_STOP, true);
            h.run(Duration.ofMillis(40));
            assertThat(h.loop.tripCondition()).contains("emergency stop");
            assertThat(h.loop.tripConditionPresent()).isTrue();
        }

        @Test
        void aSecondEmergencyStopWhileLatchedIsNotSwallowedByAClear() {
            h.loop.start();
            h.run(Duration.ofSeconds(1));
            h.loop.emergencyStop();
            h.run(Duration.ofMillis(10));
            h.loop.emergencyStop();
            h.loop.clearFaults();
            h.run(Duration.ofMillis(10));
            assertThat(h.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
        }

        @Test
        void aClearPendingWhenAFaultTripsDoesNotClearThatFault() {
            h.loop.selectLevel(3);
            h.loop.start();
            h.run(Duration.ofSeconds(20));
            h.run(Duration.ofMillis(15));       // between ticks; the next report and tick are at 20.020 s
            h.board.latchFault(Fault.INTERNAL); // the board reports it at 20.020 s, just before that tick
            h.loop.clearFaults();               // the user asks for a clear before having seen it
            h.run(Duration.ofMillis(5));
            assertThat(h.device.telemetry().faults().contains(Fault.INTERNAL)).isTrue();
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);
            assertThat(h.loop.latchedFaults().contains(Fault.INTERNAL)).isTrue();
        }
    }

    @Nested
    class Clearing {

        /** A 50 °C trip (the board's own limit is 90 °C) in a 55 °C room: the gun is too hot from the start. */
        private final LoopHarness h = new LoopHarness(PercussConfig.DEFAULT.withSafety(new SafetyLimits(
                CurrentLimits.DEFAULT, StallLimits.DEFAULT, new ThermalLimits(30, 40, 50), SupplyLimits.DEFAULT,
                DwellLimits.DEFAULT, 5)), PhysicsParameters.DEFAULT.withAmbient(55));

        private void tripOverTemperatureAt(double ignored) {
            h.loop.selectLevel(2);
            h.loop.start();
            h.run(Duration.ofMillis(50));
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);
            assertThat(h.loop.latchedFaults().contains(Fault.OVER_TEMPERATURE)).isTrue();
        }

        /** The room cools to 20 °C: the winding follows with its 5-minute time constant, under 49 °C after 57 s. */
        private void coolDown() {
            h.gun.plant().setAmbientCelsius(20);
            h.run(Duration.ofSeconds(90));
            assertThat(h.loop.telemetry().temperatureCelsius()).isLessThan(49);
        }

        @Test
        void aClearIsRefusedWhileARuleStillSeesItsConditionWhateverTheDeviceSays() {
            tripOverTemperatureAt(55); // above the controller's 80 °C, under the board's 90 °C
            h.loop.clearFaults();
            h.loop.start();
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);
            assertThat(h.samples).filteredOn(s -> s.nanos() > h.clock.nanos() - 1_000_000_000L)
                    .allSatisfy(s -> assertThat(s.commandedPpm()).isZero());
            assertThat(h.events).anySatisfy(e -> assertThat(e).startsWith(
                    "warning: faults not cleared: over temperature: temperature 5").endsWith("at or above the 50 °C trip limit"));
            assertThat(h.board.latchedFaults().isEmpty()).as("the board was never asked").isTrue();
        }

        @Test
        void onceTheConditionIsGoneAClearAndAStartTogetherStartLowWithAWarmUp() {
            tripOverTemperatureAt(55);
            coolDown();
            long at = h.clock.nanos();
            h.loop.clearFaults();
            h.loop.start();
            h.run(Duration.ofMillis(100));
            assertThat(h.loop.state()).isEqualTo(LoopState.WARM_UP);
            assertThat(h.firstNonZeroFrom(at).commandedPpm()).isEqualTo(1200);
        }

        @Test
        void aStartAskedWithAFailedClearIsVoid() {
            tripOverTemperatureAt(55);
            h.loop.clearFaults();
            h.loop.start();
            h.run(Duration.ofMillis(100));
            coolDown();
            h.loop.clearFaults();
            h.run(Duration.ofMillis(100));
            assertThat(h.loop.state()).as("cleared, not started by the old request").isEqualTo(LoopState.IDLE);
        }

        @Test
        void aClearTheDeviceDoesNotAnswerSaysSoAndStaysLatched() {
            tripOverTemperatureAt(55);
            coolDown();
            h.device.setDropped(true);
            h.loop.clearFaults();
            h.run(Duration.ofMillis(600));
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);
            assertThat(h.events).contains("warning: faults not cleared: simulator did not answer the clear");
        }

        @Test
        void aLevelChosenWhileLatchedAppliesAtTheNextStart() {
            LoopHarness h = new LoopHarness();
            h.loop.selectLevel(5);
            h.loop.start();
            h.run(Duration.ofSeconds(20));
            h.loop.emergencyStop();
            h.run(Duration.ofSeconds(1));
            h.loop.selectLevel(1);
            h.run(Duration.ofSeconds(1));
            assertThat(h.loop.level()).isEqualTo(1);
            h.loop.clearFaults();
            h.loop.start();
            h.run(Duration.ofSeconds(30));
            assertThat(h.loop.state()).isEqualTo(LoopState.RUNNING);
            assertThat(h.last().commandedPpm()).isEqualTo(1200);
        }

        @Test
        void aBoardThatRestartsIsAStopAndTheNextStartIsLowWithAWarmUp() {
            LoopHarness h = new LoopHarness();
            h.loop.selectLevel(5);
            h.loop.start();
            h.run(Duration.ofSeconds(30));
            h.board.brownOut(Duration.ofMillis(60));
            h.run(Duration.ofMillis(200));
            assertThat(h.loop.state()).isEqualTo(LoopState.FAULT);
            assertThat(h.loop.latchedFaults().contains(Fault.DEVICE_RESTARTED)).isTrue();
            assertThat(h.loop.stopMessage()).startsWith("device restarted: the device restarted: its uptime went from");
            long at = h.clock.nanos();
            h.loop.clearFaults();
            h.loop.start();
            h.run(Duration.ofSeconds(5));
            assertThat(h.firstNonZeroFrom(at).commandedPpm()).isEqualTo(1200);
            assertThat(h.loop.state()).isEqualTo(LoopState.WARM_UP);
        }
    }

    @Nested
    class Observation {

        @Test
        void everyTickRunsItsStagesInTheOrderOfDesignAndThenItsObservers() {
            VirtualClockHarness h = new VirtualClockHarness();
            java.util.List<String> heard = new java.util.ArrayList<>();
            ControlLoop loop = ControlLoop.builder(h.gun.device(), PercussConfig.DEFAULT, h.clock)
                    .stages(stage -> heard.add(stage.name()))
                    .observer(l -> heard.add("observer"))
                    .build();
            loop.tick();
            assertThat(heard).containsExactly("READ", "SUPERVISE", "STEP", "PROFILE", "COMMAND", "observer");
        }

        @Test
        void theStatisticsListenerKeepsTheTopSpeeds() {
            VirtualClockHarness h = new VirtualClockHarness();
            SessionStatistics statistics = new SessionStatistics();
            ControlLoop loop = ControlLoop.builder(h.gun.device(), PercussConfig.DEFAULT, h.clock).observer(statistics)
                    .build();
            loop.selectLevel(3);
            loop.start();
            h.clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), loop::tick);
            h.clock.advance(Duration.ofSeconds(20));
            loop.selectLevel(1);
            h.clock.advance(Duration.ofSeconds(5));
            assertThat(statistics.topCommandedPpm()).isEqualTo(2200);
            assertThat(statistics.topMeasuredPpm()).isBetween(2150, 2300);
        }
    }

    /** A virtual clock and the default simulated gun on it. */
    private static final class VirtualClockHarness {
        final org.percuss.simulator.clock.VirtualClock clock = new org.percuss.simulator.clock.VirtualClock();
        final org.percuss.simulator.board.SimulatedGun gun = org.percuss.simulator.board.SimulatedGun.create(clock);
    }
}
