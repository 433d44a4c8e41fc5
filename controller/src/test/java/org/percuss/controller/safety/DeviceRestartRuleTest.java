package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;

class DeviceRestartRuleTest {

    private static final long MS = TestContext.MS;
    private final DeviceRestartRule rule = new DeviceRestartRule();
    private final TestContext ctx = new TestContext();

    private Verdict report(long hostMs, long uptimeMs) {
        Telemetry t = new Telemetry(hostMs * MS, 2000, 1, 30, 16, Inputs.NONE, FaultSet.NONE, uptimeMs);
        return rule.evaluate(t, hostMs * MS, ctx);
    }

    @Test
    void anUptimeThatAdvancesWithTheHostsClockIsFine() {
        for (long t = 0; t < 10_000; t += 20) {
            assertThat(report(t, 5_000 + t)).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void anUptimeThatGoesBackIsARestart() {
        report(0, 30_000);
        report(20, 30_020);
        assertThat(report(100, 20)).isEqualTo(Verdict.trip(Fault.DEVICE_RESTARTED));
        assertThat(rule.explain(Verdict.trip(Fault.DEVICE_RESTARTED), null))
                .isEqualTo("the device restarted: its uptime went from 30020 ms to 20 ms");
        assertThat(report(120, 40)).as("once; the latch holds it").isEqualTo(Verdict.OK);
    }

    @Test
    void aRestartRightAfterPowerUpIsSeenToo() {
        report(0, 400);
        assertThat(report(80, 30)).isEqualTo(Verdict.trip(Fault.DEVICE_RESTARTED));
    }

    @Test
    void theWireCountersWrapAfterFortyNineDaysIsNotARestart() {
        long nearWrap = 0xFFFF_FFFFL - 5;
        report(0, nearWrap);
        assertThat(report(20, 14)).isEqualTo(Verdict.OK);
    }

    @Test
    void aRestartAfterMoreThanTwentyFourDaysShowsAsAForwardJumpOfDays() {
        report(0, 3_000_000_000L);
        assertThat(report(20, 50)).isEqualTo(Verdict.trip(Fault.DEVICE_RESTARTED));
    }

    @Test
    void aLateReportWithinTheSlackIsNotARestart() {
        report(0, 1000);
        // a report delayed on the way, then one on time: the uptime advanced more than the host saw
        assertThat(report(5, 1000 + 5 + DeviceRestartRule.SLACK_MILLIS)).isEqualTo(Verdict.OK);
        assertThat(report(10, 1000 + 10 + 2 * DeviceRestartRule.SLACK_MILLIS + 1))
                .isEqualTo(Verdict.trip(Fault.DEVICE_RESTARTED));
    }

    @Test
    void theSameReportSeenOnTwoTicksIsJudgedOnce() {
        Telemetry t = new Telemetry(0, 2000, 1, 30, 16, Inputs.NONE, FaultSet.NONE, 5000);
        rule.evaluate(t, 0, ctx);
        assertThat(rule.evaluate(t, 10 * MS, ctx)).isEqualTo(Verdict.OK);
    }

    @Test
    void twoReportsArrivingInTheSameInstantAreStillTwoReports() {
        // found by the invariant checker: the report before the reset and the first after it can
        // arrive together; the second must not pass for the first seen again
        report(0, 30_040);
        report(20, 30_060);
        assertThat(report(20, 0)).isEqualTo(Verdict.trip(Fault.DEVICE_RESTARTED));
    }

    @Test
    void aDeviceWithoutAnUptimeNeverTripsIt() {
        for (long t = 0; t < 5_000; t += 20) {
            assertThat(report(t, 0)).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void anUptimeOfZeroIsAnUptimeLikeAnyOther() {
        // a board that reports 0 ms right after power-on is judged from that report on
        report(0, 0);
        assertThat(report(20, 20)).isEqualTo(Verdict.OK);
        DeviceRestartRule fresh = new DeviceRestartRule();
        fresh.evaluate(new Telemetry(0, 2000, 1, 30, 16, Inputs.NONE, FaultSet.NONE, 0), 0, ctx);
        Telemetry jumped = new Telemetry(20 * MS, 2000, 1, 30, 16, Inputs.NONE, FaultSet.NONE, 5_000);
        assertThat(fresh.evaluate(jumped, 20 * MS, ctx)).isEqualTo(Verdict.trip(Fault.DEVICE_RESTARTED));
    }
}
