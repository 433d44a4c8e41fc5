package org.percuss.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.conformance.SimulatedUno;
import org.percuss.controller.conformance.SimulatedUno.Event;

/**
 * The real host against the real firmware: {@code percuss run --device serial:PTY} in its own
 * process, talking to the reference firmware executing in simavr (an emulated Arduino Uno with a
 * massage gun around it), as it would to a board on /dev/ttyACM0. Every packet both ways, the
 * driver's enable pin and the gun's speed are read from the harness's trace, stamped with the
 * AVR's own clock. Real time; needs gcc-avr and simavr (Maven profile {@code firmware}).
 *
 * <p>The host runs at nice -10 where that is allowed (as the harness runs the emulated Uno at a
 * real-time priority): on a 2-core machine busy with other builds a normal-priority JVM was held
 * off the CPU for up to 260 ms, and the board's watchdog then stopped the session, exactly as it
 * should for a host that goes silent, but not what these tests are about. Where it is not allowed,
 * {@code nice} says so on the host's standard error and runs it at normal priority.
 */
@Tag("firmware")
class FirmwareEndToEndTest {

    private static final List<String> HOST_PRIORITY = List.of("nice", "-n", "-10");
    private static final int WATCHDOG_MS = 250;
    private static final int TELEMETRY_MS = 20;
    private static final int COMM_TIMEOUT = 1;
    private static final int OVER_CURRENT = 1 << 1;
    private static final int EMERGENCY_STOP = 1 << 5;
    private static final int INTERNAL = 1 << 6;
    private static final int ESTOP_INPUT = 1 << 3;

    @TempDir
    Path dir;

    private SimulatedUno uno;

    private String test;

    @BeforeEach
    void name(TestInfo info) {
        test = "e2e-" + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
    }

    @AfterEach
    void powerOff() throws Exception {
        if (uno != null) {
            uno.close();
        }
    }

    private HostProcess host(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--device";
        all[2] = "serial:" + uno.path();
        System.arraycopy(args, 0, all, 3, args.length);
        return HostProcess.start(dir, HOST_PRIORITY, all);
    }

    private List<Event> packets(String from, String type) {
        return uno.events(from).stream().filter(e -> e.packetType().equals(type)).toList();
    }

    /** Waits until the host has been commanding a non-zero speed for {@code millis} of AVR time. */
    private void awaitRunningFor(HostProcess host, long millis) {
        try {
            Event first = uno.await(0, e -> e.kind().equals("host") && e.packetType().equals("SET_SPEED")
                    && e.value("target_ppm") > 0, Duration.ofSeconds(20));
            uno.await(0, e -> e.avrMillis() >= first.avrMillis() + millis, Duration.ofSeconds(20));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + said(host), e);
        }
    }

    /** Fails, with what percuss said, unless the driver is enabled now (the host still running). */
    private void assertDriving(HostProcess host) {
        List<Event> driver = uno.events("driver");
        assertThat(driver.isEmpty() ? "never enabled" : driver.getLast().text())
                .as("the driver just before the injection; " + said(host)).isEqualTo("enabled");
    }

    private static String said(HostProcess host) {
        return "percuss said:\n" + host.out() + host.err();
    }

    private static boolean zeroCommand(Event e) {
        return e.kind().equals("host") && (e.packetType().equals("STOP")
                || e.packetType().equals("SET_SPEED") && e.value("target_ppm") == 0);
    }

    @Test
    void aSessionStartsLowWarmsUpRampsAndTheBoardsRegulatorHoldsTheLevel() throws Exception {
        uno = SimulatedUno.start(false, SimulatedUno.log(test));
        HostProcess host = host("--level", "3", "--limit", "12s", "--warmup", "2s");
        assertThat(host.waitFor(Duration.ofSeconds(60))).as(said(host)).isZero();
        assertThat(host.out()).contains("session limit of 0:12 reached");

        List<Event> fromHost = uno.events("host");
        assertThat(fromHost.getFirst().packetType()).isEqualTo("HELLO");
        List<Event> speeds = packets("host", "SET_SPEED");
        Event first = speeds.stream().filter(e -> e.value("target_ppm") > 0).findFirst().orElseThrow();
        assertThat(first.value("target_ppm")).as("the first speed").isEqualTo(1200);
        Event firstIncrease = speeds.stream().filter(e -> e.value("target_ppm") > 1200).findFirst().orElseThrow();
        assertThat(firstIncrease.avrMillis() - first.avrMillis()).as("warm-up at 1200, ms").isGreaterThanOrEqualTo(1950);
        for (int i = 0; i < speeds.size(); i++) {
            for (int j = i + 1; j < speeds.size(); j++) {
                double dt = (speeds.get(j).avrMillis() - speeds.get(i).avrMillis()) / 1000;
                double a = speeds.get(i).value("target_ppm"), b = speeds.get(j).value("target_ppm");
                if (dt >= 0.1 && a > 0 && b > 0) {
                    assertThat(b - a).as("rise over %.3f s", dt).isLessThanOrEqualTo(250 * dt + 5);
                }
            }
        }
        assertThat(speeds.stream().mapToDouble(e -> e.value("target_ppm")).max().orElse(0)).isEqualTo(2200);
        assertThat(fromHost.getLast().packetType()).as("the host's last word").isEqualTo("STOP");
        // the host kept the board's watchdog fed (SerialEndToEndTest checks its watchdog_ms / 3
        // rhythm), and nothing tripped: no fault bit in any report of the session
        assertThat(packets("board", "TELEMETRY").stream().filter(e -> e.avrMillis() < fromHost.getLast().avrMillis()))
                .allSatisfy(e -> assertThat(e.value("faults")).as("faults at %.0f ms", e.avrMillis()).isZero());

        // The level held by the board's own regulator: from 1 s after the host reached 2200 until
        // it commanded 0 at the limit, every report and the gun's true speed within 3 %.
        Event reached = speeds.stream().filter(e -> e.value("target_ppm") == 2200).findFirst().orElseThrow();
        Event zero = uno.await(uno.events().indexOf(reached), FirmwareEndToEndTest::zeroCommand, Duration.ZERO);
        double from = reached.avrMillis() + 1000, to = zero.avrMillis();
        List<Double> measured = packets("board", "TELEMETRY").stream()
                .filter(e -> e.avrMillis() >= from && e.avrMillis() <= to).map(e -> e.value("measured_ppm")).toList();
        List<Double> truth = uno.events("model").stream()
                .filter(e -> e.avrMillis() >= from && e.avrMillis() <= to).map(e -> e.value("ppm")).toList();
        assertThat(measured).as("reports while holding 2200").hasSizeGreaterThan(100)
                .allSatisfy(ppm -> assertThat(ppm).isBetween(2200 * 0.97, 2200 * 1.03));
        assertThat(truth).as("the gun's speed while holding 2200").hasSizeGreaterThan(10)
                .allSatisfy(ppm -> assertThat(ppm).isBetween(2200 * 0.97, 2200 * 1.03));
        double worst = measured.stream().mapToDouble(ppm -> Math.abs(ppm - 2200) / 22).max().orElseThrow();
        double worstTrue = truth.stream().mapToDouble(ppm -> Math.abs(ppm - 2200) / 22).max().orElseThrow();
        System.out.printf("firmware e2e: level 3 held within %.2f %% as reported (%d reports), %.2f %% true speed;"
                + " warm-up %.0f ms%n", worst, measured.size(), worstTrue, firstIncrease.avrMillis() - first.avrMillis());
    }

    @Test
    void theEmergencyStopPinCutsTheDriverAtOnceAndTheHostSendsZeroAndExitsFour() throws Exception {
        uno = SimulatedUno.start(false, SimulatedUno.log(test));
        HostProcess host = host("--level", "2", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(host, 1500);
        assertDriving(host);
        Event pressed = uno.command("estop on");
        assertThat(host.waitFor(Duration.ofSeconds(15))).as(said(host)).isEqualTo(4);
        assertThat(host.out()).contains("emergency stop");

        int after = uno.events().indexOf(pressed);
        Event cut = uno.await(after, e -> e.kind().equals("driver") && e.text().equals("disabled"), Duration.ofSeconds(1));
        Event report = uno.await(after, e -> e.kind().equals("board") && e.packetType().equals("TELEMETRY")
                && ((int) e.value("inputs") & ESTOP_INPUT) != 0, Duration.ofSeconds(1));
        assertThat((int) report.value("faults") & EMERGENCY_STOP).as("EMERGENCY_STOP latched in that report").isNotZero();
        assertThat(cut.avrMillis() - pressed.avrMillis()).as("ms from the pin to the driver off").isLessThan(0.1);
        assertThat(cut.avrMillis()).as("the driver is off before the report goes out").isLessThan(report.avrMillis());
        Event zero = uno.await(uno.events().indexOf(report), FirmwareEndToEndTest::zeroCommand, Duration.ofSeconds(1));
        assertThat(zero.avrMillis() - report.avrMillis()).as("ms from the report to the host's zero").isLessThan(100);
        assertThat(uno.events("host").stream().filter(e -> e.avrMillis() > zero.avrMillis()))
                .noneMatch(e -> e.packetType().equals("SET_SPEED") && e.value("target_ppm") > 0);
    }

    @Test
    void anOverCurrentTripsTheBoardAndTheHostExitsFourNamingIt() throws Exception {
        uno = SimulatedUno.start(false, SimulatedUno.log(test));
        HostProcess host = host("--level", "3", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(host, 1500);
        assertDriving(host);
        Event injected = uno.command("overcurrent 12");
        assertThat(host.waitFor(Duration.ofSeconds(15))).as(said(host)).isEqualTo(4);
        assertThat(host.out()).contains("over current");

        int after = uno.events().indexOf(injected);
        Event cut = uno.await(after, e -> e.kind().equals("driver") && e.text().equals("disabled"), Duration.ofSeconds(1));
        Event report = uno.await(after, e -> e.kind().equals("board") && e.packetType().equals("TELEMETRY")
                && ((int) e.value("faults") & OVER_CURRENT) != 0, Duration.ofSeconds(1));
        assertThat(cut.avrMillis() - injected.avrMillis()).as("ms from the short to the board's trip").isLessThan(10);
        assertThat(cut.avrMillis()).isLessThan(report.avrMillis());
        Event zero = uno.await(uno.events().indexOf(report), FirmwareEndToEndTest::zeroCommand, Duration.ofSeconds(1));
        assertThat(zero.avrMillis() - report.avrMillis()).as("ms from the report to the host's zero").isLessThan(100);
    }

    @Test
    void whenTheHostIsKilledTheFirmwaresWatchdogStopsTheMotor() throws Exception {
        uno = SimulatedUno.start(false, SimulatedUno.log(test));
        HostProcess host = host("--level", "3", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(host, 2000);
        assertDriving(host);
        host.kill(); // SIGKILL: no STOP, nothing
        Event report = uno.await(0, e -> e.kind().equals("board") && e.packetType().equals("TELEMETRY")
                && ((int) e.value("faults") & COMM_TIMEOUT) != 0, Duration.ofSeconds(5));
        Event lastFromHost = uno.events("host").getLast();
        Event cut = uno.await(uno.events().indexOf(lastFromHost),
                e -> e.kind().equals("driver") && e.text().equals("disabled"), Duration.ofSeconds(1));
        double stopAfter = cut.avrMillis() - lastFromHost.avrMillis();
        assertThat(stopAfter).as("ms from the host's last packet to the driver off").isBetween((double) WATCHDOG_MS,
                WATCHDOG_MS + 2.0);
        // a report is stamped when its last byte has left the UART: 21 bytes, 2 ms after it was queued
        assertThat(report.avrMillis() - lastFromHost.avrMillis()).as("ms until COMM_TIMEOUT is reported")
                .isLessThanOrEqualTo(WATCHDOG_MS + 1 + TELEMETRY_MS + 2.5);
        uno.await(uno.events().indexOf(cut), e -> e.kind().equals("model") && e.value("ppm") == 0, Duration.ofSeconds(5));
        System.out.printf("firmware e2e: host killed; driver off %.3f ms after its last packet, reported after %.3f ms%n",
                stopAfter, report.avrMillis() - lastFromHost.avrMillis());
    }

    @Test
    void aHungFirmwareIsResetByTheHardwareWatchdogComesUpWithTheMotorOffAndReportsIt() throws Exception {
        uno = SimulatedUno.start(true, SimulatedUno.log(test));
        HostProcess host = host("--level", "3", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(host, 1500);
        assertDriving(host);
        Event hang = uno.command("hang");
        Event reset = uno.await(uno.events().indexOf(hang), e -> e.kind().equals("reset"), Duration.ofSeconds(2));
        assertThat(reset.text()).isEqualTo("watchdog");
        assertThat(reset.avrMillis() - hang.avrMillis()).as("ms from the hang to the watchdog reset").isBetween(15.0, 40.0);
        Event cut = uno.await(uno.events().indexOf(hang), e -> e.kind().equals("driver") && e.text().equals("disabled"),
                Duration.ofSeconds(1));
        assertThat(cut.avrMillis()).as("the driver off at the reset").isEqualTo(reset.avrMillis());
        Event first = uno.await(uno.events().indexOf(reset), e -> e.kind().equals("board") && e.packetType().equals("TELEMETRY"),
                Duration.ofSeconds(1));
        assertThat((int) first.value("faults") & INTERNAL).as("INTERNAL in the first report after the reset").isNotZero();
        assertThat(host.waitFor(Duration.ofSeconds(15))).as(said(host)).isEqualTo(4);
        assertThat(host.out()).contains("internal board fault");
        assertThat(uno.events("driver").stream().filter(e -> e.avrMillis() > reset.avrMillis()))
                .as("the driver never enabled again").noneMatch(e -> e.text().equals("enabled"));
    }
}
