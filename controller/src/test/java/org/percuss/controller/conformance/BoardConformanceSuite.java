package org.percuss.controller.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.percuss.device.protocol.NackReason;
import org.percuss.device.protocol.Packet;

/**
 * The board conformance suite: every board behaviour PROTOCOL.md specifies, checked on the wire
 * against any board on a serial link. Subclasses say which board: the Java emulated board
 * ({@link JavaBoardConformanceTest}, in every build), the reference firmware on an emulated Uno
 * ({@link FirmwareConformanceTest}, Maven profile {@code firmware}), or a real board on a port
 * ({@link SerialPortConformanceTest}, profile {@code hardware}). Each test gets a board of its own.
 *
 * <p>Timing is judged on the board's clock (the {@code uptime_ms} of its reports), so the verdicts
 * do not depend on how busy this machine is. Where PROTOCOL.md leaves a choice, the suite checks
 * what docs/protocol.md says percuss's boards do (a known type with the wrong payload length is
 * answered NACK BAD_LENGTH; a frame too short to be a packet is dropped).
 */
abstract class BoardConformanceSuite {

    /** Slack on the board's clock for its 1 ms tick and the report that carries a change. */
    private static final long TICK_MS = 2;
    private static final int COMM_TIMEOUT = 1;
    private static final int EMERGENCY_STOP = 1 << 5;
    private static final int ESTOP_INPUT = 1 << 3;

    protected BoardUnderTest board;
    protected BoardSession link;
    private Packet.HelloReply hello;

    /** A board for the test named {@code test}, powered up (if it can be) and connected. */
    protected abstract BoardUnderTest powerUp(String test) throws Exception;

    @BeforeEach
    void connect(TestInfo test) throws Exception {
        board = powerUp(test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
        link = new BoardSession(board.link());
        if (!board.freshlyPoweredUp()) {
            // a board left over from the test before: the silence between tests latched COMM_TIMEOUT
            int from = link.mark();
            assertThat(link.answer(from, link.clearFaults())).as("CLEAR_FAULTS at the start").isInstanceOf(Packet.Ack.class);
        }
    }

    @AfterEach
    void disconnect() throws Exception {
        if (link != null) {
            try {
                link.stop(); // a real board keeps running between tests: leave its motor off
            } catch (RuntimeException e) {
                // the link is gone; so is the board
            }
            link.close();
        }
        if (board != null) {
            board.close();
        }
    }

    /** HELLO_REPLY, asked for once. */
    private Packet.HelloReply hello() {
        if (hello == null) {
            int from = link.mark();
            int s = link.hello(1);
            hello = (Packet.HelloReply) link.await(from, Packet.HelloReply.class::isInstance, "HELLO_REPLY to " + s).packet();
        }
        return hello;
    }

    private int period() {
        List<Packet.TelemetryReport> two = List.of(link.latestReport(), (Packet.TelemetryReport) link.nextReport(link.mark()).packet());
        return (int) (two.get(1).uptimeMillis() - two.get(0).uptimeMillis());
    }

    /**
     * When the board received a packet, on its clock: after the report it sent before the ACK, and
     * before the report it sent after it.
     *
     * @param ackIndex where the ACK is among the board's packets
     * @param after the {@code uptime_ms} of the report before the ACK (A0)
     * @param before the {@code uptime_ms} of the report after the ACK (A1)
     */
    private record Arrival(int ackIndex, long after, long before) {
    }

    /** Waits for the ACK of command {@code seq} (sent after packet {@code from}) and the report after it. */
    private Arrival arrival(int from, int seq) {
        int ackAt = link.await(from, p -> p instanceof Packet.Ack a && a.ackedSeq() == seq, "ACK of command " + seq).index();
        boolean reported = link.since(0).subList(0, ackAt).stream().anyMatch(r -> r.packet() instanceof Packet.TelemetryReport);
        long after = reported ? link.reportBefore(ackAt).uptimeMillis() : 0; // none yet: after power-up
        return new Arrival(ackAt, after, ((Packet.TelemetryReport) link.nextReport(ackAt).packet()).uptimeMillis());
    }

    private static String nack(Packet answer) {
        return answer instanceof Packet.Nack n ? n.reason().name() : answer.getClass().getSimpleName().toUpperCase();
    }

    // ---- telemetry ------------------------------------------------------------------------------

    @Test
    void itReportsEvery20MsFromPowerUpWithNothingLatchedWhileNoHostSpeaks() {
        assumeTrue(board.freshlyPoweredUp(), "needs a board powered up for the test");
        int from = link.mark();
        // 600 ms of the board's time without a word from the host: more than twice the watchdog
        link.reportAt(link.latestReport().uptimeMillis() + 600);
        List<Packet.TelemetryReport> reports = link.reports(from, link.mark());
        assertThat(reports).hasSizeGreaterThanOrEqualTo(29);
        for (int i = 1; i < reports.size(); i++) {
            Packet.TelemetryReport a = reports.get(i - 1), b = reports.get(i);
            assertThat(b.uptimeMillis() - a.uptimeMillis()).as("period before report %d", i).isBetween(19L, 21L);
            assertThat(b.seq()).as("the board numbers its reports one by one").isEqualTo((a.seq() + 1) & 0xFF);
        }
        assertThat(reports).allSatisfy(t -> {
            assertThat(t.faults()).as("faults before the host spoke (the watchdog is not armed yet)").isZero();
            assertThat(t.measuredPpm()).as("the motor is off").isZero();
        });
        assertThat(reports.getFirst().uptimeMillis()).as("uptime at the first report read").isLessThan(60_000);
    }

    @Test
    void theTelemetryPeriodIsSetFrom10To1000Ms() {
        for (int bad : new int[] {0, 9, 1001, 65535}) {
            int from = link.mark();
            assertThat(nack(link.answer(from, link.setTelemetryPeriod(bad)))).as("period %d ms", bad)
                    .isEqualTo("OUT_OF_RANGE");
        }
        for (int ms : new int[] {50, 10}) {
            int from = link.mark();
            assertThat(link.answer(from, link.setTelemetryPeriod(ms))).as("period %d ms", ms).isInstanceOf(Packet.Ack.class);
            link.nextReport(link.mark());
            int counted = link.mark();
            link.reportAt(link.latestReport().uptimeMillis() + 10L * ms);
            List<Packet.TelemetryReport> reports = link.reports(counted, link.mark());
            for (int i = 1; i < reports.size(); i++) {
                assertThat(reports.get(i).uptimeMillis() - reports.get(i - 1).uptimeMillis()).as("at %d ms", ms)
                        .isBetween(ms - 1L, ms + 1L);
            }
        }
        int from = link.mark();
        assertThat(link.answer(from, link.setTelemetryPeriod(1000))).isInstanceOf(Packet.Ack.class);
        assertThat(link.answer(link.mark(), link.setTelemetryPeriod(20))).isInstanceOf(Packet.Ack.class);
    }

    @Test
    void fieldsOfSensorsItLacksAreZero() {
        Packet.HelloReply h = hello();
        link.nextReport(link.mark());
        Packet.TelemetryReport t = link.latestReport();
        if ((h.capabilities() & 1) == 0) {
            assertThat(t.currentMilliamps()).as("current_ma without current sense").isZero();
        }
        if ((h.capabilities() & 2) == 0) {
            assertThat(t.temperatureDeciCelsius()).as("temperature_dC without a sensor").isZero();
        }
        if ((h.capabilities() & 4) == 0) {
            assertThat(t.supplyMillivolts()).as("supply_mv without a sensor").isZero();
        }
        if ((h.capabilities() & 8) == 0) {
            assertThat(t.inputs() & 0x10).as("motion without a motion sensor").isZero();
        }
        if ((h.capabilities() & 16) == 0) {
            assertThat(t.inputs() & 0x07).as("buttons without buttons").isZero();
        }
        assertThat(t.faults() & ~0x7F).as("undefined fault bits").isZero();
        assertThat(t.inputs() & ~0x1F).as("undefined input bits").isZero();
    }

    // ---- HELLO ----------------------------------------------------------------------------------

    @Test
    void helloVersion1IsAnsweredWithTheBoardsDescription() {
        Packet.HelloReply h = hello();
        assertThat(h.protocolVersion()).isEqualTo(1);
        assertThat(h.minPpm()).isPositive().isLessThanOrEqualTo(h.maxPpm());
        assertThat(h.watchdogMillis()).isPositive();
        assertThat(h.capabilities() & ~0x1F).as("undefined capability bits").isZero();
    }

    @Test
    void helloWithAnotherVersionIsRefusedUnsupportedVersion() {
        int from = link.mark();
        int s = link.hello(2);
        Packet answer = link.answer(from, s);
        assertThat(nack(answer)).isEqualTo(NackReason.UNSUPPORTED_VERSION.name());
        assertThat(link.since(from)).noneMatch(r -> r.packet() instanceof Packet.HelloReply);
    }

    // ---- commands -------------------------------------------------------------------------------

    @Test
    void pingStopAndClearFaultsAreAckedWithTheirSeqAcrossTheWrap() {
        link.seq(254);
        int from = link.mark();
        int ping = link.ping();
        int stop = link.stop();
        int clear = link.clearFaults();
        assertThat(List.of(ping, stop, clear)).containsExactly(254, 255, 0);
        for (int s : new int[] {ping, stop, clear}) {
            assertThat(link.answer(from, s)).as("answer to %d", s).isInstanceOf(Packet.Ack.class);
        }
    }

    @Test
    void speedsOutsideTheBoardsRangeAreRefusedAndZeroIsAStop() {
        Packet.HelloReply h = hello();
        int[][] cases = {{h.minPpm() - 1, 0}, {h.maxPpm() + 1, 0}, {65535, 0}, {h.minPpm(), 1}, {h.maxPpm(), 1}, {0, 1}};
        for (int[] c : cases) {
            int from = link.mark();
            Packet answer = link.answer(from, link.setSpeed(c[0]));
            if (c[1] == 1) {
                assertThat(answer).as("SET_SPEED %d", c[0]).isInstanceOf(Packet.Ack.class);
            } else {
                assertThat(nack(answer)).as("SET_SPEED %d", c[0]).isEqualTo("OUT_OF_RANGE");
            }
        }
    }

    @Test
    void aRefusedSpeedLeavesTheMotorAsItWas() {
        Packet.HelloReply h = hello();
        int from = link.mark();
        assertThat(nack(link.answer(from, link.setSpeed(h.maxPpm() + 1)))).isEqualTo("OUT_OF_RANGE");
        for (int i = 0; i < 20; i++) {
            link.ping();
            link.nextReport(link.mark());
        }
        assertThat(link.latestReport().measuredPpm()).as("measured after a refused speed").isZero();
    }

    @Test
    void setSpeedRunsTheMotorAndStopStopsIt() {
        Packet.HelloReply h = hello();
        Packet.TelemetryReport running = link.drive(h.minPpm(), 2000);
        assertThat(running.measuredPpm()).as("measured after 2 s at min_ppm").isPositive();
        int from = link.mark();
        assertThat(link.answer(from, link.stop())).isInstanceOf(Packet.Ack.class);
        long stopped = link.latestReport().uptimeMillis();
        while (link.latestReport().measuredPpm() > 0) {
            link.ping();
            Packet.TelemetryReport t = (Packet.TelemetryReport) link.nextReport(link.mark()).packet();
            assertThat(t.uptimeMillis() - stopped).as("ms until the motor stood still").isLessThan(3000);
        }
    }

    // ---- the watchdog ---------------------------------------------------------------------------

    @Test
    void theFirstValidPacketArmsTheWatchdogWhichLatchesCommTimeoutAfterWatchdogMs() {
        long watchdog = hello().watchdogMillis();
        link.report(link.mark(), t -> (t.faults() & COMM_TIMEOUT) != 0, "COMM_TIMEOUT after the HELLO");
        assertThat(link.answer(link.mark(), link.clearFaults())).isInstanceOf(Packet.Ack.class);
        int from = link.mark();
        Arrival ping = arrival(from, link.ping());
        // The watchdog must fire at the PING's arrival + watchdog (to its tick), so the first report
        // showing COMM_TIMEOUT (U1) is not before A0 + watchdog, and the last clean one (U0) not
        // after A1 + watchdog.
        long a0 = ping.after(), a1 = ping.before();
        BoardSession.Received timeout = link.report(ping.ackIndex(), t -> (t.faults() & COMM_TIMEOUT) != 0, "COMM_TIMEOUT");
        long u1 = ((Packet.TelemetryReport) timeout.packet()).uptimeMillis();
        long u0 = link.reportBefore(timeout.index()).uptimeMillis();
        assertThat(u1).as("first report with COMM_TIMEOUT, against the PING's arrival after %d ms", a0)
                .isGreaterThanOrEqualTo(a0 + watchdog);
        assertThat(u0).as("last report without it, against the PING's arrival before %d ms", a1)
                .isLessThanOrEqualTo(a1 + watchdog + TICK_MS);
        assertThat(u1 - a1).as("COMM_TIMEOUT reported within watchdog + one period").isLessThanOrEqualTo(watchdog + period() + TICK_MS);
    }

    @Test
    void aNackedPacketFeedsTheWatchdog() {
        long watchdog = hello().watchdogMillis();
        long start = link.latestReport().uptimeMillis();
        while (link.latestReport().uptimeMillis() < start + 4 * watchdog) {
            int from = link.mark();
            assertThat(nack(link.answer(from, link.send(0x42)))).isEqualTo("UNKNOWN_TYPE");
            link.reportAt(link.latestReport().uptimeMillis() + watchdog / 3);
        }
        int quiet = link.mark();
        link.reportAt(link.latestReport().uptimeMillis() + 1);
        assertThat(link.reports(0, quiet)).as("reports while only NACKed packets came")
                .allSatisfy(t -> assertThat(t.faults() & COMM_TIMEOUT).isZero());
        link.report(quiet, t -> (t.faults() & COMM_TIMEOUT) != 0, "COMM_TIMEOUT after the NACKed packets stopped");
    }

    @Test
    void framesWithABadCrcAreDroppedSilentlyAndDoNotFeedTheWatchdog() {
        long watchdog = hello().watchdogMillis();
        int from = link.mark();
        Arrival valid = arrival(from, link.ping());
        List<Integer> spoiled = new java.util.ArrayList<>();
        while (link.latestReport().uptimeMillis() < valid.after() + 2 * watchdog) {
            spoiled.add(link.nextSeq());
            link.write(link.withBadCrc(0x04));
            link.nextReport(link.mark());
        }
        for (int s : spoiled) {
            assertThat(link.anyAnswer(from, s)).as("an answer to a frame with a bad CRC (seq %d)", s).isEmpty();
        }
        BoardSession.Received timeout = link.report(from, t -> (t.faults() & COMM_TIMEOUT) != 0, "COMM_TIMEOUT");
        assertThat(((Packet.TelemetryReport) timeout.packet()).uptimeMillis() - valid.before())
                .as("COMM_TIMEOUT after the last valid packet, bad frames notwithstanding")
                .isLessThanOrEqualTo(watchdog + period() + TICK_MS);
    }

    @Test
    void theWatchdogStopsARunningMotor() {
        Packet.HelloReply h = hello();
        Packet.TelemetryReport running = link.drive(h.minPpm(), 1500);
        assertThat(running.measuredPpm()).isPositive();
        int silent = link.mark();
        BoardSession.Received timeout = link.report(silent, t -> (t.faults() & COMM_TIMEOUT) != 0, "COMM_TIMEOUT");
        long at = ((Packet.TelemetryReport) timeout.packet()).uptimeMillis();
        BoardSession.Received still = link.report(timeout.index(), t -> t.measuredPpm() == 0, "the motor standing still");
        assertThat(((Packet.TelemetryReport) still.packet()).uptimeMillis() - at).as("ms from COMM_TIMEOUT to standstill")
                .isLessThan(3000);
    }

    // ---- faults ---------------------------------------------------------------------------------

    @Test
    void aLatchedFaultRefusesSpeedsUntilClearedAndTheMotorWaitsForANewSpeed() {
        Packet.HelloReply h = hello();
        link.report(link.mark(), t -> (t.faults() & COMM_TIMEOUT) != 0, "COMM_TIMEOUT after silence");
        int from = link.mark();
        assertThat(nack(link.answer(from, link.setSpeed(h.minPpm())))).as("a speed while latched").isEqualTo("FAULT_ACTIVE");
        assertThat(link.answer(from, link.setSpeed(0))).as("SET_SPEED 0 while latched").isInstanceOf(Packet.Ack.class);
        assertThat(link.answer(from, link.stop())).as("STOP while latched").isInstanceOf(Packet.Ack.class);
        assertThat(link.answer(from, link.clearFaults())).as("CLEAR_FAULTS, the host talking again").isInstanceOf(Packet.Ack.class);
        int cleared = link.mark();
        link.report(cleared, t -> t.faults() == 0, "a report with the fault cleared");
        for (int i = 0; i < 25; i++) {
            link.ping();
            link.nextReport(link.mark());
        }
        assertThat(link.reports(cleared, link.mark())).as("cleared, but no new SET_SPEED: the motor stays off")
                .allSatisfy(t -> assertThat(t.measuredPpm()).isZero());
        assertThat(link.answer(link.mark(), link.setSpeed(h.minPpm()))).as("a speed after clearing").isInstanceOf(Packet.Ack.class);
    }

    @Test
    void clearFaultsIsRefusedWhileTheEmergencyStopIsHeldAndWorksOnceReleased() throws Exception {
        BoardUnderTest.Injector hands = board.injector().orElse(null);
        assumeTrue(hands != null, "needs a board whose emergency stop the suite can press");
        Packet.HelloReply h = hello();
        link.drive(h.minPpm(), 1000);
        hands.emergencyStop(true);
        int pressed = link.mark();
        link.ping();
        Packet.TelemetryReport seen = (Packet.TelemetryReport) link.report(pressed,
                t -> (t.faults() & EMERGENCY_STOP) != 0, "EMERGENCY_STOP").packet();
        assertThat(seen.inputs() & ESTOP_INPUT).as("inputs bit 3 with the e-stop held").isNotZero();
        int from = link.mark();
        assertThat(nack(link.answer(from, link.clearFaults()))).as("CLEAR_FAULTS while held").isEqualTo("FAULT_ACTIVE");
        assertThat(nack(link.answer(from, link.setSpeed(h.minPpm())))).as("a speed while held").isEqualTo("FAULT_ACTIVE");
        link.report(from, t -> t.measuredPpm() == 0, "the motor standing still");
        hands.emergencyStop(false);
        int released = link.mark();
        link.ping();
        Packet.TelemetryReport after = (Packet.TelemetryReport) link.report(released,
                t -> (t.inputs() & ESTOP_INPUT) == 0, "the e-stop input released").packet();
        assertThat(after.faults() & EMERGENCY_STOP).as("still latched after release").isNotZero();
        from = link.mark();
        assertThat(link.answer(from, link.clearFaults())).as("CLEAR_FAULTS after release").isInstanceOf(Packet.Ack.class);
        link.report(from, t -> t.faults() == 0, "a report with the fault cleared");
    }

    // ---- framing --------------------------------------------------------------------------------

    @Test
    void anUnknownTypeIsAnsweredUnknownTypeAndSoIsABoardToHostType() {
        for (int type : new int[] {0x00, 0x07, 0x42, 0x7F, 0x80, 0x82, 0xFF}) {
            int from = link.mark();
            assertThat(nack(link.answer(from, link.send(type, (byte) 1)))).as("type 0x%02x", type).isEqualTo("UNKNOWN_TYPE");
        }
    }

    @Test
    void aKnownTypeWithTheWrongPayloadLengthIsAnsweredBadLength() {
        int[][] cases = {{0x01}, {0x01, 1, 0}, {0x02, 7}, {0x02, 1, 2, 3}, {0x03, 1}, {0x04, 1}, {0x05, 1}, {0x06, 50}};
        for (int[] c : cases) {
            byte[] payload = new byte[c.length - 1];
            for (int i = 1; i < c.length; i++) {
                payload[i - 1] = (byte) c[i];
            }
            int from = link.mark();
            assertThat(nack(link.answer(from, link.send(c[0], payload))))
                    .as("type 0x%02x with %d payload bytes", c[0], payload.length).isEqualTo("BAD_LENGTH");
        }
    }

    @Test
    void framesTooShortOrNotCobsAreDroppedSilently() {
        int from = link.mark();
        link.write(new byte[] {0x02, 0x04, 0x00});                   // one byte: a type, no seq, no CRC
        link.write(new byte[] {0x04, 0x04, 0x09, (byte) 0xE2, 0x00}); // type, seq and one CRC byte
        link.write(new byte[] {0x09, 0x04, 0x09, (byte) 0xE2, 0x40, 0x00}); // a block past the end
        int s = link.ping();
        assertThat(link.answer(from, s)).as("a PING after them").isInstanceOf(Packet.Ack.class);
        assertThat(link.since(from))
                .as("the board's answers to the broken frames").noneMatch(r -> r.packet() instanceof Packet.Nack);
    }

    @Test
    void aRunLongerThanAnyFrameIsDiscardedWholeEvenWithAPacketAtItsEnd() {
        int from = link.mark();
        byte[] junk = new byte[80];
        java.util.Arrays.fill(junk, (byte) 0x01); // valid COBS (each an empty block), no delimiter
        link.write(junk);
        // a whole PING frame glued to the junk: with it, one run of 85 bytes before a 0x00
        int buried = link.nextSeq();
        link.seq(buried + 1);
        link.write(org.percuss.device.protocol.PacketEncoder.toWire(new Packet.Ping(buried)));
        int next = link.ping();
        assertThat(link.answer(from, next)).as("the PING after the run").isInstanceOf(Packet.Ack.class);
        assertThat(link.anyAnswer(from, buried)).as("an answer to the PING at the end of the run").isEmpty();
    }

    @Test
    void itResynchronisesAtTheNextDelimiterAfterGarbage() {
        SplittableRandom random = new SplittableRandom(15);
        for (int round = 0; round < 20; round++) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            link.write(garbage);
            link.write(new byte[] {0});
            int from = link.mark();
            assertThat(link.answer(from, link.ping())).as("a PING after %d bytes of garbage", garbage.length)
                    .isInstanceOf(Packet.Ack.class);
        }
        int from = link.mark();
        link.reportAt(link.latestReport().uptimeMillis() + 100);
        assertThat(link.reports(from, link.mark())).as("reports go on").hasSizeGreaterThanOrEqualTo(4);
    }
}
