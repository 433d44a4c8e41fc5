package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.safety.SafetyContext;
import org.percuss.controller.safety.SafetyRule;
import org.percuss.controller.safety.SafetySupervisor;
import org.percuss.controller.safety.Verdict;
import org.percuss.controller.session.SessionTimer;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.api.Telemetry;

/**
 * The loop's state machine transition by transition, on a {@link ScriptedDevice}: what each
 * request, trip, failure and end does to the state, the command, the stop reason and the message.
 */
class ControlLoopStatesTest {

    private static final long S = 1_000_000_000L;
    private final ScriptedLoop s = new ScriptedLoop();

    @Test
    void beforeTheFirstTickNothingHasRunAndAfterItTheClockCountsFromIt() {
        assertThat(s.loop.state()).isEqualTo(LoopState.IDLE);
        assertThat(s.loop.ticks()).isZero();
        assertThat(s.loop.elapsedNanos()).isZero();
        assertThat(s.loop.stopReason()).isNull();
        assertThat(s.loop.stopped()).isFalse();
        s.now = 7 * S; // the ticker's origin is arbitrary
        s.run(Duration.ofMillis(30));
        assertThat(s.loop.ticks()).isEqualTo(3);
        assertThat(s.loop.elapsedNanos()).isEqualTo(20_000_000L);
        assertThat(s.loop.sessionLimitNanos()).isEqualTo(900 * S);
    }

    /** What a tick took is readable after it, for a recording: the requests as bits, the level, the finish's reason, the time. */
    @Test
    void whatATickTookIsReadAfterItAndOnlyForThatTick() {
        s.now = 3 * S;
        s.loop.start();
        s.loop.selectLevel(3);
        s.loop.finish(StopReason.INTERRUPTED);
        s.tick();
        int taken = s.loop.requestsTaken();
        assertThat(Request.START.in(taken)).isTrue();
        assertThat(Request.LEVEL.in(taken)).isTrue();
        assertThat(Request.FINISH.in(taken)).isTrue();
        assertThat(Request.PAUSE.in(taken) || Request.CLEAR.in(taken) || Request.EMERGENCY_STOP.in(taken)).isFalse();
        assertThat(taken).isEqualTo(Request.START.mask() | Request.LEVEL.mask() | Request.FINISH.mask());
        assertThat(Request.values()).extracting(Request::mask).doesNotHaveDuplicates();
        assertThat(s.loop.levelTaken()).isEqualTo(3);
        assertThat(s.loop.finishTaken()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(s.loop.tickNanos()).isEqualTo(s.now);
        long first = s.now;
        s.tick();
        assertThat(s.loop.requestsTaken()).as("nothing asked since").isZero();
        assertThat(s.loop.tickNanos()).isEqualTo(s.now).isGreaterThan(first);
    }

    @Test
    void runningTimeCountsOnlyTheIntervalsThatBeganWithASpeedCommanded() {
        s.loop.start();
        s.tick(); // commands 1200 at the end of this tick
        assertThat(s.loop.runningNanos()).isZero();
        s.tick();
        s.tick();
        assertThat(s.loop.runningNanos()).isEqualTo(2 * ScriptedLoop.TICK);
        s.loop.pause();
        s.tick(); // the interval before it began with 1200: counted
        s.tick();
        s.tick();
        assertThat(s.loop.runningNanos()).isEqualTo(3 * ScriptedLoop.TICK);
    }

    @Test
    void aDeviceThatHoldsAStopOfItsOwnIsShownStoppedAndItsTimeDoesNotCount() {
        s.device.holdsAt = 0;
        s.loop.start();
        s.run(Duration.ofSeconds(1));
        assertThat(s.loop.state()).isEqualTo(LoopState.WARM_UP);
        assertThat(s.loop.commandedPpm()).isZero();
        assertThat(s.loop.runningNanos()).isZero();
        assertThat(s.device.lastCommand()).isEqualTo(1200);
    }

    @Test
    void aFinishEndsTheSessionOnTheNextTickWithItsReasonAndForGood() {
        s.loop.selectLevel(2);
        s.loop.start();
        s.run(Duration.ofSeconds(11));
        s.loop.finish(StopReason.INTERRUPTED);
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(s.loop.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(s.loop.stopMessage()).isEqualTo("interrupted");
        assertThat(s.loop.stopped()).isTrue();
        assertThat(s.device.lastCommand()).isZero();
        assertThat(s.events).last().isEqualTo("FINISHED: interrupted");
        s.loop.start();
        s.loop.clearFaults();
        s.run(Duration.ofSeconds(1));
        assertThat(s.loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(s.device.lastCommand()).isZero();
    }

    @Test
    void aFinishWhileLatchedDoesNotHideTheSafetyStop() {
        s.loop.start();
        s.tick();
        s.loop.emergencyStop();
        s.tick();
        s.loop.finish(StopReason.OUTPUT_ERROR);
        s.tick();
        // the finish ends the session (issue 17: a latched stop no longer ends it by itself), and
        // the safety stop stays the reason
        assertThat(s.loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(s.loop.stopReason()).isEqualTo(StopReason.EMERGENCY_STOP);
        assertThat(s.device.lastCommand()).isZero();
        assertThat(s.loop.stopped()).isTrue();
    }

    @Test
    void aLinkThatFailsIsAStopWithLinkLostAndTheMotorIsStoppedAnotherWay() {
        s.loop.start();
        s.run(Duration.ofSeconds(1));
        s.device.linkFailure = "port closed";
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.FAULT);
        assertThat(s.loop.stopReason()).isEqualTo(StopReason.LINK_LOST);
        assertThat(s.loop.stopMessage()).isEqualTo("link lost: port closed");
        assertThat(s.loop.commandedPpm()).isZero();
        assertThat(s.device.stops).isEqualTo(1);
        assertThat(s.loop.latchedFaults().contains(Fault.LINK_LOST)).isTrue();
        assertThat(s.loop.latchedFaultBits()).isEqualTo(Fault.LINK_LOST.mask());
        assertThat(s.events).last().isEqualTo("FAULT: link lost: port closed");
    }

    @Test
    void aLinkThatFailsAfterTheEndLeavesTheSessionFinished() {
        s.loop.finish(StopReason.SESSION_LIMIT);
        s.tick();
        s.device.linkFailure = "port closed";
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(s.loop.stopReason()).as("the session had ended before").isEqualTo(StopReason.SESSION_LIMIT);
        assertThat(s.device.stops).isEqualTo(1);
    }

    @Test
    void anEmergencyStopOutranksALostLinkAndAFaultOutranksNothing() {
        s.loop.start();
        s.tick();
        s.celsius = 85;
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.FAULT);
        assertThat(s.loop.stopReason()).isEqualTo(StopReason.FAULT);
        assertThat(s.loop.stopMessage()).isEqualTo("over temperature: temperature 85.0 °C at or above the 80 °C trip limit");
        s.device.linkFailure = "gone";
        s.tick();
        assertThat(s.loop.stopReason()).isEqualTo(StopReason.LINK_LOST);
        s.loop.emergencyStop();
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
        assertThat(s.loop.stopReason()).isEqualTo(StopReason.EMERGENCY_STOP);
        assertThat(s.loop.stopMessage()).as("the first fault still explains the stop")
                .isEqualTo("over temperature: temperature 85.0 °C at or above the 80 °C trip limit");
    }

    @Test
    void aStartWhileRunningChangesNothingAndAPauseWhileStoppedNeither() {
        s.loop.pause();
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.IDLE);
        s.loop.selectLevel(3);
        s.loop.start();
        s.run(Duration.ofSeconds(20));
        assertThat(s.loop.state()).isEqualTo(LoopState.RUNNING);
        s.loop.start();
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.RUNNING);
        assertThat(s.device.lastCommand()).isEqualTo(2200);
        s.loop.pause();
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.PAUSED);
        s.loop.pause();
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.PAUSED);
        assertThat(s.events).containsExactly("WARM_UP: started at the lowest level", "RAMPING", "RUNNING", "PAUSED: paused");
    }

    @Test
    void aStartIsRefusedWhileARuleSeesItsTripConditionEvenBeforeItHasLastedLongEnoughToTrip() {
        s.volts = 12.5; // under-voltage trips after 100 ms; its condition is there at once
        s.loop.start();
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.IDLE);
        assertThat(s.device.lastCommand()).isZero();
        assertThat(s.loop.tripConditionPresent()).isTrue();
        assertThat(s.events).containsExactly("warning: not started: under voltage: supply 12.50 V below the 12.8 V trip limit");
        s.volts = 16;
        s.tick();
        assertThat(s.loop.tripConditionPresent()).isFalse();
        s.loop.start();
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.WARM_UP);
    }

    @Test
    void aDerateCapsTheTargetNotTheLevelTheUserChose() {
        s.loop.selectLevel(5);
        s.loop.start();
        s.run(Duration.ofSeconds(25));
        assertThat(s.loop.targetPpm()).isEqualTo(3200);
        s.celsius = 70; // level 2
        s.tick();
        assertThat(s.loop.derateLevel()).isEqualTo(2);
        assertThat(s.loop.level()).isEqualTo(5);
        assertThat(s.loop.targetPpm()).isEqualTo(1700);
        assertThat(s.device.lastCommand()).isEqualTo(1700);
        assertThat(s.loop.state()).isEqualTo(LoopState.RUNNING);
        s.celsius = 40;
        s.tick();
        assertThat(s.loop.derateLevel()).isZero();
        assertThat(s.loop.targetPpm()).isEqualTo(3200);
        assertThat(s.loop.state()).isEqualTo(LoopState.RAMPING);
    }

    @Test
    void theLowestLevelADerateHoldsIsTheLowestUsableOne() {
        // a device from 1500 ppm: levels 2..5 (1700..3200) are usable; 76 °C allows only the lowest
        ScriptedLoop narrow = withDevice(new Capabilities(1500, 3500,
                EnumSet.complementOf(EnumSet.of(Capability.BUTTONS)), 250, 20));
        narrow.loop.selectLevel(4);
        narrow.loop.start();
        narrow.run(Duration.ofSeconds(20));
        narrow.celsius = 76;
        narrow.tick();
        assertThat(narrow.loop.derateLevel()).isEqualTo(2);
        assertThat(narrow.loop.targetPpm()).isEqualTo(1700);
        assertThat(narrow.device.lastCommand()).isEqualTo(1700);
    }

    private static ScriptedLoop withDevice(Capabilities caps) {
        return new ScriptedLoop(caps, PercussConfig.DEFAULT, b -> b);
    }

    @Test
    void theZonesBudgetEndsTheSessionWithItsOwnMessageAndWarnsAtHalfOfAShortOne() {
        ScriptedLoop z = new ScriptedLoop(PercussConfig.DEFAULT,
                b -> b.timer(new SessionTimer(900 * S, 5 * S, "neck", 60 * S)));
        z.loop.start();
        z.run(Duration.ofSeconds(6));
        assertThat(z.loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(z.loop.stopReason()).isEqualTo(StopReason.ZONE_BUDGET);
        assertThat(z.loop.stopMessage()).isEqualTo("the budget of zone neck is used up (0:05 were left of it)");
        assertThat(z.loop.runningNanos()).isEqualTo(5 * S);
        assertThat(z.events).containsSubsequence("warning: the session ends in 0:02",
                "FINISHED: the budget of zone neck is used up (0:05 were left of it)");
    }

    @Test
    void buttonsDoNothingOnADeviceWithoutThem() {
        s.press(Input.POWER_BUTTON);
        s.press(Input.PLUS_BUTTON);
        assertThat(s.loop.state()).isEqualTo(LoopState.IDLE);
        assertThat(s.loop.level()).isEqualTo(1);
    }

    @Test
    void aHeldButtonActsOnceAndPowerTogglesStartAndPause() {
        ScriptedLoop b = withDevice(new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20));
        b.inputs = b.inputs.with(Input.POWER_BUTTON, true);
        b.run(Duration.ofSeconds(1)); // held for a second: one press
        assertThat(b.loop.state()).isEqualTo(LoopState.WARM_UP);
        b.inputs = b.inputs.with(Input.POWER_BUTTON, false);
        b.tick();
        b.press(Input.PLUS_BUTTON);
        b.press(Input.PLUS_BUTTON);
        assertThat(b.loop.level()).isEqualTo(3);
        b.press(Input.MINUS_BUTTON);
        assertThat(b.loop.level()).isEqualTo(2);
        b.press(Input.POWER_BUTTON);
        assertThat(b.loop.state()).isEqualTo(LoopState.PAUSED);
        b.press(Input.POWER_BUTTON);
        assertThat(b.loop.state()).isEqualTo(LoopState.WARM_UP);
        for (int i = 0; i < 4; i++) {
            b.press(Input.PLUS_BUTTON);
        }
        assertThat(b.loop.level()).isEqualTo(5);
        assertThat(b.events).filteredOn(e -> e.startsWith("warning: button ignored"))
                .containsExactly("warning: button ignored: level 6 is outside the usable levels 1..5; staying at level 5");
    }

    @Test
    void aClearTheDeviceConfirmsReturnsToIdleAndAStartAskedWithItWarmsUp() {
        s.loop.start();
        s.tick();
        s.loop.emergencyStop();
        s.tick();
        s.loop.clearFaults();
        s.loop.start();
        s.tick();
        assertThat(s.device.clearRequests).isEqualTo(1);
        assertThat(s.loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
        s.device.clearStatus = ClearStatus.CLEARED;
        s.tick();
        assertThat(s.loop.state()).isEqualTo(LoopState.WARM_UP);
        assertThat(s.device.lastCommand()).isEqualTo(1200);
        assertThat(s.events).containsSubsequence("EMERGENCY_STOP: emergency stop: requested by the user", "IDLE: faults cleared",
                "WARM_UP: started at the lowest level");
        assertThat(s.loop.stopped()).isFalse();
    }

    @Test
    void aClearWithoutAStartReturnsToIdleAndStaysThere() {
        s.loop.emergencyStop();
        s.tick();
        s.loop.clearFaults();
        s.tick();
        s.device.clearStatus = ClearStatus.CLEARED;
        s.run(Duration.ofSeconds(1));
        assertThat(s.loop.state()).isEqualTo(LoopState.IDLE);
        assertThat(s.device.lastCommand()).isZero();
    }

    @Test
    void theRulesSeeTheLoopThroughTheirContext() {
        List<String> seen = new ArrayList<>();
        SafetyRule probe = new SafetyRule() {
            @Override
            public Verdict evaluate(Telemetry telemetry, long nowNanos, SafetyContext c) {
                seen.add(c.commandedPpm() + " " + c.motorOn() + " " + c.firstLevel() + ".." + c.lastLevel() + " "
                        + c.ppmOf(3) + " " + c.has(Capability.TEMPERATURE) + " " + c.has(Capability.BUTTONS) + " "
                        + c.telemetryPeriodNanos());
                if (seen.size() == 1) {
                    c.warn("a warning");
                    c.event("an event");
                }
                return Verdict.OK;
            }

            @Override
            public String explain(Verdict verdict, Telemetry telemetry) {
                return "";
            }
        };
        ScriptedLoop p = new ScriptedLoop(PercussConfig.DEFAULT,
                b -> b.supervisor(new SafetySupervisor(List.of(probe))).maxLevel(4));
        p.loop.start();
        p.tick();
        p.tick();
        assertThat(seen).containsExactly("0 false 1..4 2200 true false 20000000", "1200 true 1..4 2200 true false 20000000");
        assertThat(p.events).startsWith("warning: a warning", "event: an event");
    }
}
