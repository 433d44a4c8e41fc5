package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import org.percuss.controller.config.SafetyLimits;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;
import org.junit.jupiter.api.Test;

class SafetySupervisorTest {

    private final TestContext ctx = new TestContext();
    private final SafetySupervisor supervisor = SafetySupervisor.standard(SafetyLimits.DEFAULT);
    private long ms;

    private void at(double celsius) {
        tick(1, celsius, 16);
    }

    private void tick(double amps, double celsius, double volts) {
        ms += 10;
        supervisor.evaluate(telemetry(ms, 1200, amps, celsius, volts), ms * TestContext.MS, ctx);
    }

    @Test
    void aTripLatchesItsFaultAndIsReportedOnce() {
        at(70);
        at(80);
        at(81);
        assertThat(supervisor.latched().contains(Fault.OVER_TEMPERATURE)).isTrue();
        assertThat(supervisor.firstTripFault()).isEqualTo(Fault.OVER_TEMPERATURE);
        assertThat(ctx.events).filteredOn(e -> e.startsWith("trip:")).hasSize(1);
    }

    @Test
    void aTemperatureHoveringAtTheTripLimitDoesNotAnnounceTheSameDerateAgainAndAgain() {
        at(76); // derate to the lowest level
        for (int i = 0; i < 20; i++) {
            at(i % 2 == 0 ? 80.0 : 79.9);
        }
        assertThat(ctx.events).filteredOn(e -> e.startsWith("derating to level 1")).hasSize(1);
        assertThat(ctx.events).filteredOn(e -> e.startsWith("trip: over temperature")).hasSize(1);
        assertThat(supervisor.derateLevel()).as("79.9 °C still derates").isEqualTo(1);
    }

    /**
     * A clear under way compares this count: the host's own rule tripping again on a fault already
     * latched counts each time, as does {@code trip}; a fault the device itself still reports does
     * not (the clear is asking it to drop that one, and checks a fresh report).
     */
    @Test
    void tripsCountEveryTripAgainButNotTheDevicesOwnReportedFaults() {
        at(81);
        long first = supervisor.trips();
        assertThat(first).isEqualTo(1);
        at(82);
        assertThat(supervisor.trips()).as("over-temperature again, already latched").isEqualTo(2);
        supervisor.trip(Fault.EMERGENCY_STOP, "requested by the user");
        assertThat(supervisor.trips()).isEqualTo(3);
        reportStall();
        assertThat(supervisor.hasLatched(Fault.STALL)).as("the device's fault is latched").isTrue();
        assertThat(supervisor.trips()).as("a new fault, from the device").isEqualTo(4);
        reportStall();
        assertThat(supervisor.trips()).as("again: not counted, the device reports it itself").isEqualTo(4);
    }

    private void reportStall() {
        ms += 10;
        supervisor.evaluate(new Telemetry(ms * TestContext.MS, 1200, 1, 20, 16, Inputs.NONE.with(Input.MOTION, true),
                FaultSet.of(Fault.STALL), ms), ms * TestContext.MS, ctx);
    }

    @Test
    void theLowestDerateOfTheTickWins() {
        at(70); // thermal: level 2
        assertThat(supervisor.derateLevel()).isEqualTo(2);
        at(50);
        assertThat(supervisor.derateLevel()).isZero();
        assertThat(ctx.events).last().asString().startsWith("derating ended: temperature 50.0 °C");
    }

    @Test
    void clearingUnlatchesAndForgetsEveryRulesState() {
        at(85);
        assertThat(supervisor.hasLatched()).isTrue();
        supervisor.clear(ms * TestContext.MS);
        assertThat(supervisor.hasLatched()).isFalse();
        assertThat(supervisor.firstTripReason()).isEmpty();
    }

    @Test
    void everyFaultTheDeviceReportsIsLatchedAndAnnouncedTheEmergencyStopFirst() {
        int both = Fault.COMM_TIMEOUT.mask() | Fault.EMERGENCY_STOP.mask();
        ms += 10;
        supervisor.evaluate(new Telemetry(ms * TestContext.MS, 0, 0, 30, 16, Inputs.NONE, new FaultSet(both), ms),
                ms * TestContext.MS, ctx);
        assertThat(supervisor.latchedBits()).isEqualTo(both);
        assertThat(supervisor.firstTripFault()).isEqualTo(Fault.EMERGENCY_STOP);
        assertThat(ctx.events).containsExactly("trip: emergency stop: reported by the device",
                "trip: communication timeout: reported by the device");
    }

    @Test
    void aSecondFaultReportedLaterIsLatchedAndAnnouncedToo() {
        ms += 10;
        supervisor.evaluate(new Telemetry(ms * TestContext.MS, 0, 0, 30, 16, Inputs.NONE,
                FaultSet.of(Fault.EMERGENCY_STOP), ms), ms * TestContext.MS, ctx);
        ms += 10;
        supervisor.evaluate(new Telemetry(ms * TestContext.MS, 0, 0, 30, 16, Inputs.NONE,
                FaultSet.of(Fault.EMERGENCY_STOP, Fault.COMM_TIMEOUT), ms), ms * TestContext.MS, ctx);
        assertThat(supervisor.latched().faults()).containsExactly(Fault.COMM_TIMEOUT, Fault.EMERGENCY_STOP);
        assertThat(ctx.events).hasSize(2).last().asString().startsWith("trip: communication timeout");
    }

    @Test
    void aTripConditionStillPresentIsNamedWithItsValueAndLimit() {
        ms += 10;
        Telemetry hot = telemetry(ms, 0, 0, 80.0, 16);
        assertThat(supervisor.tripConditionPresent(hot, ms * TestContext.MS, ctx))
                .isEqualTo("over temperature: temperature 80.0 °C at or above the 80 °C trip limit");
        assertThat(supervisor.tripConditionPresent(telemetry(ms, 0, 0, 79.9, 16), ms * TestContext.MS, ctx)).isNull();
        assertThat(supervisor.tripConditionPresent(telemetry(ms, 0, 0, 30, 12.79), ms * TestContext.MS, ctx))
                .isEqualTo("under voltage: supply 12.79 V below the 12.8 V trip limit");
        assertThat(supervisor.tripConditionPresent(telemetry(ms, 0, 0, 30, 12.8), ms * TestContext.MS, ctx)).isNull();
        assertThat(supervisor.tripConditionPresent(telemetry(ms, 0, 4.01, 30, 16), ms * TestContext.MS, ctx))
                .isEqualTo("over current: current 4.01 A above the 4.0 A trip limit");
        assertThat(supervisor.tripConditionPresent(telemetry(ms, 0, 4.0, 30, 16), ms * TestContext.MS, ctx)).isNull();
        Telemetry pressed = new Telemetry(ms * TestContext.MS, 0, 0, 30, 16, Inputs.NONE.with(Input.EMERGENCY_STOP, true),
                FaultSet.NONE, ms);
        assertThat(supervisor.tripConditionPresent(pressed, ms * TestContext.MS, ctx))
                .isEqualTo("emergency stop: the emergency-stop input is still active");
        assertThat(supervisor.tripConditionPresent(telemetry(ms, 0, 0, 30, 16), (ms + 101) * TestContext.MS, ctx))
                .isEqualTo("stale telemetry: no telemetry for 101 ms, more than 5 telemetry periods");
        assertThat(supervisor.tripConditionPresent(telemetry(ms, 0, 0, 30, 16), (ms + 100) * TestContext.MS, ctx)).isNull();
    }

    @Test
    void aSensorTheDeviceLacksNeverBlocksAClear() {
        ctx.capabilities = java.util.EnumSet.noneOf(org.percuss.device.api.Capability.class);
        assertThat(supervisor.tripConditionPresent(telemetry(10, 0, 9, 99, 5), 10 * TestContext.MS, ctx)).isNull();
    }

    @Test
    void theFirstFaultLatchedSinceTheLastClearExplainsTheStop() {
        supervisor.trip(Fault.STALL, "rotor blocked");
        supervisor.trip(Fault.OVER_CURRENT, "too much current");
        assertThat(supervisor.latchedBits()).isEqualTo(Fault.STALL.mask() | Fault.OVER_CURRENT.mask());
        assertThat(supervisor.hasLatched(Fault.OVER_CURRENT)).isTrue();
        assertThat(supervisor.hasLatched(Fault.UNDER_VOLTAGE)).isFalse();
        assertThat(supervisor.firstTripFault()).isEqualTo(Fault.STALL);
        assertThat(supervisor.firstTripReason()).isEqualTo("rotor blocked");
        supervisor.clear(0);
        assertThat(supervisor.latchedBits()).isZero();
        supervisor.trip(Fault.OVER_CURRENT, "later");
        assertThat(supervisor.firstTripFault()).isEqualTo(Fault.OVER_CURRENT);
        assertThat(supervisor.firstTripReason()).isEqualTo("later");
    }

    @Test
    void aClearResetsEveryRuleSoAConditionMustPersistAgainBeforeItTripsAgain() {
        for (int i = 0; i <= 10; i++) {
            tick(1, 30, 12.5);
        }
        assertThat(supervisor.hasLatched(Fault.UNDER_VOLTAGE)).isTrue();
        supervisor.clear(ms * TestContext.MS);
        for (int i = 0; i < 10; i++) {
            tick(1, 30, 12.5);
            assertThat(supervisor.hasLatched()).as("%d ms after the clear", (i + 1) * 10).isFalse();
        }
        tick(1, 30, 12.5);
        assertThat(supervisor.hasLatched(Fault.UNDER_VOLTAGE)).isTrue();
    }

    @Test
    void aDerateStillThereAfterAClearIsAnnouncedAgain() {
        at(70);
        supervisor.clear(ms * TestContext.MS);
        at(70);
        assertThat(ctx.events).filteredOn(e -> e.startsWith("derating to level 2: temperature 70.0 °C")).hasSize(2);
    }

    @Test
    void twoRulesDeratingAtOnceHoldTheSpeedToTheLowerLevel() {
        tick(3.5, 70, 16); // thermal: level 2; pressure: counting
        for (int i = 0; i < 100; i++) {
            tick(3.5, 70, 16);
        }
        assertThat(supervisor.derateLevel()).isEqualTo(1);
        assertThat(ctx.events).containsExactly("derating to level 2: temperature 70.0 °C above 60 °C (lowest level from 75 °C)",
                "derating to level 1: pressing too hard: current above 3.0 A for 1 s (now 3.50 A)");
    }
}
