package org.percuss.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.protocol.PacketEncoder;
import org.percuss.device.serial.SerialDevice;
import org.percuss.simulator.clock.VirtualClock;

/**
 * The host driver's state machine against scripted boards that misbehave in the ways PROTOCOL.md
 * guards against, over a {@link SimulatedWire} at 115200 baud, in virtual time: no thread, no
 * sleep, every time below exact.
 */
class SerialDeviceTest {

    private final VirtualClock clock = new VirtualClock();
    private final SimulatedWire wire = new SimulatedWire(clock, 115_200, new SplittableRandom(1));
    private final SerialDevice host = new SerialDevice("serial:/dev/ttyTEST", wire.hostEnd(), clock, Duration.ofMillis(10));
    private final List<Packet> seen = new ArrayList<>();
    private final PacketDecoder boardDecoder = new PacketDecoder();
    private Function<Packet, List<Packet>> script = SerialDeviceTest::goodBoard;
    private int faults;
    private int inputs;
    private int boardSeq;
    private boolean sendTelemetry = true;

    SerialDeviceTest() {
        wire.connect(host::receive, (b, o, n) -> boardDecoder.feed(b, o, n, p -> {
            seen.add(p);
            script.apply(p).forEach(this::boardSends);
        }));
        clock.scheduleAtFixedRate(Duration.ofMillis(5), Duration.ofMillis(20), () -> {
            if (sendTelemetry) {
                boardSends(new Packet.TelemetryReport(boardSeq++ & 0xFF, 0, 0, 250, 16000, inputs, faults, clock.nanos() / 1_000_000));
            }
        });
    }

    private void boardSends(Packet p) {
        byte[] w = PacketEncoder.toWire(p);
        wire.boardEnd().write(w, 0, w.length);
    }

    private static List<Packet> goodBoard(Packet p) {
        return switch (p) {
            case Packet.Hello h -> List.of(new Packet.HelloReply(0, 1, 1000, 3500, 0b111, 300));
            default -> List.of(new Packet.Ack(0, p.seq()));
        };
    }

    /** Starts the handshake and advances the clock until it is settled (or 5 s). */
    private void connect() {
        host.start();
        advanceUntil(() -> host.ready().isDone(), 5000);
    }

    private void advanceUntil(java.util.function.BooleanSupplier done, long maxMillis) {
        long end = clock.nanos() + maxMillis * 1_000_000L;
        while (!done.getAsBoolean() && clock.nanos() < end) {
            clock.advance(Duration.ofMillis(1));
        }
    }

    private String handshakeFailure() {
        assertThat(host.ready()).isCompletedExceptionally();
        try {
            host.ready().join();
            throw new AssertionError("no failure");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(DeviceException.class);
            return e.getCause().getMessage();
        }
    }

    private long count(Class<? extends Packet> type) {
        return seen.stream().filter(type::isInstance).count();
    }

    private Packet last() {
        return seen.getLast();
    }

    @Nested
    class TheHandshake {

        @Test
        void aSilentBoardFailsAfterOneSecondNamingThePortHavingSentHelloFiveTimes() {
            script = p -> List.of();
            sendTelemetry = false;
            connect();
            assertThat(handshakeFailure()).startsWith("serial:/dev/ttyTEST: no answer to HELLO within 1000 ms");
            assertThat(clock.nanos()).isEqualTo(1_000_000_000L);
            assertThat(count(Packet.Hello.class)).isEqualTo(5);
        }

        @Test
        void aBoardOfAnotherProtocolVersionIsRefused() {
            script = p -> p instanceof Packet.Hello ? List.of(new Packet.HelloReply(0, 2, 1000, 3500, 0, 250)) : List.of();
            connect();
            assertThat(handshakeFailure()).contains("protocol version 2");
        }

        @Test
        void aBoardThatAnswersHelloButSendsNoTelemetryIsRefused() {
            sendTelemetry = false;
            connect();
            assertThat(handshakeFailure()).contains("sent no telemetry within 1000 ms");
        }

        @Test
        void aWatchdogTheHostCannotFeedIsRefusedNamingTheValueAndTheFastestItCanFeed() {
            script = p -> p instanceof Packet.Hello ? List.of(new Packet.HelloReply(0, 1, 1000, 3500, 0, 20)) : List.of();
            connect();
            assertThat(handshakeFailure()).isEqualTo("serial:/dev/ttyTEST: the board's watchdog of 20 ms needs a packet"
                    + " every 6.7 ms; this host sends one every 10 ms, so it needs a watchdog of at least 30 ms");
        }

        @Test
        void aWatchdogOfThreeTicksIsFedAndAccepted() {
            script = p -> p instanceof Packet.Hello ? List.of(new Packet.HelloReply(0, 1, 1000, 3500, 0, 30))
                    : goodBoard(p);
            connect();
            assertThat(host.ready()).isCompletedWithValueMatching(c -> c.watchdogMillis() == 30);
        }

        @Test
        void capabilitiesComeFromHelloReply() {
            connect();
            assertThat(host.capabilities().watchdogMillis()).isEqualTo(300);
            assertThat(host.capabilities().features()).hasSize(3);
            assertThat(host.telemetry().temperatureCelsius()).isEqualTo(25.0);
            assertThat(host.telemetry().supplyVolts()).isEqualTo(16.0);
        }

        @Test
        void aCommTimeoutLatchedBeforeTheHostConnectedIsClearedAndTheTelemetryInHandNoLongerShowsIt() {
            faults = Fault.COMM_TIMEOUT.mask();
            script = p -> {
                if (p instanceof Packet.ClearFaults) {
                    faults = 0;
                }
                return goodBoard(p);
            };
            connect();
            assertThat(host.ready()).isCompleted();
            assertThat(count(Packet.ClearFaults.class)).isEqualTo(1);
            assertThat(host.telemetry().faults().isEmpty()).isTrue();
            assertThat(host.commandSpeed(2000)).isEqualTo(2000);
        }

        @Test
        void aReportWithAFaultLeftInThePortBeforeHelloReplyIsStaleAndIgnored() {
            // issue 10 item 3: one TELEMETRY with COMM_TIMEOUT just before HELLO_REPLY
            faults = Fault.COMM_TIMEOUT.mask();
            script = p -> {
                if (p instanceof Packet.Hello) {
                    faults = 0;
                }
                return goodBoard(p);
            };
            clock.advance(Duration.ofMillis(30)); // the board reports before the host speaks
            connect();
            assertThat(host.ready()).isCompleted();
            assertThat(count(Packet.ClearFaults.class)).isZero();
            assertThat(count(Packet.Stop.class)).isZero();
            assertThat(host.telemetry().faults().isEmpty()).isTrue();
            assertThat(host.commandSpeed(1200)).isEqualTo(1200);
            clock.advance(Duration.ofMillis(2));
            assertThat(last()).isEqualTo(new Packet.SetSpeed(((Packet.SetSpeed) last()).seq(), 1200));
        }

        @Test
        void otherFaultsLatchedAtConnectAreLeftForTheControllerToNameAndNoSpeedIsSent() {
            faults = Fault.OVER_TEMPERATURE.mask();
            connect();
            assertThat(host.ready()).isCompleted();
            assertThat(host.telemetry().faults().contains(Fault.OVER_TEMPERATURE)).isTrue();
            assertThat(count(Packet.ClearFaults.class)).isZero();
            assertThat(host.commandSpeed(2000)).as("held at zero, and says so").isZero();
        }

        @Test
        void aLostClearAtConnectIsResentAndAnsweredWithinTheBudget() {
            // issue 10 item 15: a noisy link at reconnect
            faults = Fault.COMM_TIMEOUT.mask();
            int[] clears = {0};
            script = p -> {
                if (p instanceof Packet.ClearFaults && ++clears[0] < 3) {
                    return List.of(); // its answer lost twice
                }
                if (p instanceof Packet.ClearFaults) {
                    faults = 0;
                }
                return goodBoard(p);
            };
            connect();
            assertThat(host.ready()).isCompleted();
            assertThat(count(Packet.ClearFaults.class)).isEqualTo(3);
            assertThat(host.telemetry().faults().isEmpty()).isTrue();
        }

        @Test
        void aClearNeverAnsweredAtConnectIsALinkErrorNamingWhatDidNotAnswer() {
            faults = Fault.COMM_TIMEOUT.mask();
            script = p -> p instanceof Packet.ClearFaults ? List.of() : goodBoard(p);
            connect();
            assertThat(handshakeFailure()).isEqualTo("serial:/dev/ttyTEST: no answer to CLEAR_FAULTS within 1000 ms");
        }
    }

    @Nested
    class Running {

        @Test
        void theWatchdogIsFedByPingsUntilTheLoopCommandsAndThenOnlyByItsCommands() {
            connect();
            long pings = count(Packet.Ping.class);
            clock.advance(Duration.ofMillis(500));
            assertThat(count(Packet.Ping.class) - pings).as("a PING every 100 ms (300 ms / 3)").isEqualTo(5);
            host.commandSpeed(1200);
            long after = count(Packet.Ping.class);
            clock.advance(Duration.ofMillis(500));
            assertThat(count(Packet.Ping.class)).as("a hung loop must let the board's watchdog act").isEqualTo(after);
        }

        @Test
        void aFaultReportIsAStopAtOnceAndNoSpeedFollowsUntilCleared() {
            script = p -> {
                if (p instanceof Packet.ClearFaults) {
                    faults = 0;
                }
                return goodBoard(p);
            };
            connect();
            host.commandSpeed(2000);
            faults = Fault.STALL.mask();
            clock.advance(Duration.ofMillis(25)); // the next report arrives; nobody commands
            assertThat(last()).isInstanceOf(Packet.Stop.class);
            assertThat(host.commandSpeed(2000)).isZero();
            host.requestClearFaults();
            assertThat(host.clearStatus()).isEqualTo(ClearStatus.PENDING);
            advanceUntil(() -> host.clearStatus().settled(), 1000);
            assertThat(host.clearStatus()).isEqualTo(ClearStatus.CLEARED);
            assertThat(host.telemetry().faults().isEmpty()).isTrue();
            assertThat(host.commandSpeed(2000)).isEqualTo(2000);
        }

        @Test
        void everyFaultBitSeenSinceTheLastClearStaysInTheTelemetryEvenAfterALaterReportDropsIt() {
            connect();
            host.commandSpeed(1500);
            inputs = Input.EMERGENCY_STOP.mask();
            clock.advance(Duration.ofMillis(20));
            inputs = 0;
            faults = Fault.COMM_TIMEOUT.mask();
            clock.advance(Duration.ofMillis(20));
            faults = 0;
            clock.advance(Duration.ofMillis(20));
            assertThat(host.telemetry().faults().faults()).containsExactly(Fault.COMM_TIMEOUT, Fault.EMERGENCY_STOP);
        }

        @Test
        void aLostAnswerToClearFaultsNeverStallsTheTickAndTheCommandsGoOnEveryTick() {
            // issue 11 item 5: the ACK of CLEAR_FAULTS is lost once
            faults = Fault.STALL.mask();
            boolean[] lostOnce = {false};
            script = p -> {
                if (p instanceof Packet.ClearFaults) {
                    faults = 0;
                    if (!lostOnce[0]) {
                        lostOnce[0] = true;
                        return List.of();
                    }
                }
                return goodBoard(p);
            };
            connect();
            host.requestClearFaults();
            long lastSetSpeed = clock.nanos();
            long largestGap = 0;
            for (int tick = 0; tick < 60; tick++) {
                host.commandSpeed(0);
                long now = clock.nanos();
                largestGap = Math.max(largestGap, now - lastSetSpeed);
                lastSetSpeed = now;
                clock.advance(Duration.ofMillis(10));
            }
            assertThat(largestGap).isEqualTo(10_000_000L);
            assertThat(host.clearStatus()).isEqualTo(ClearStatus.CLEARED);
            assertThat(count(Packet.ClearFaults.class)).isEqualTo(2);
        }

        @Test
        void aClearThatIsNeverAnsweredSaysSoAfterHalfASecond() {
            connect();
            script = p -> p instanceof Packet.ClearFaults ? List.of() : goodBoard(p);
            host.requestClearFaults();
            clock.advance(Duration.ofMillis(499));
            assertThat(host.clearStatus()).isEqualTo(ClearStatus.PENDING);
            clock.advance(Duration.ofMillis(2));
            assertThat(host.clearStatus()).isEqualTo(ClearStatus.NO_ANSWER);
            assertThat(count(Packet.ClearFaults.class)).isEqualTo(5);
        }

        @Test
        void aClearRefusedBecauseTheConditionIsPresentIsRefused() {
            connect();
            faults = Fault.OVER_TEMPERATURE.mask();
            script = p -> p instanceof Packet.ClearFaults ? List.of(new Packet.Nack(0, p.seq(), 4)) : goodBoard(p);
            clock.advance(Duration.ofMillis(20));
            host.requestClearFaults();
            advanceUntil(() -> host.clearStatus().settled(), 1000);
            assertThat(host.clearStatus()).isEqualTo(ClearStatus.REFUSED);
            assertThat(host.commandSpeed(1500)).isZero();
        }

        @Test
        void nacksAreCountedAndDescribed() {
            script = p -> p instanceof Packet.SetSpeed s ? List.of(new Packet.Nack(0, s.seq(), 3)) : goodBoard(p);
            connect();
            assertThat(host.lastNack()).isEmpty();
            host.commandSpeed(9000);
            clock.advance(Duration.ofMillis(5));
            assertThat(host.nacks()).isEqualTo(1);
            assertThat(host.lastNack()).matches("the board refused command \\d+: value out of range");
        }
    }

    @Nested
    class Closing {

        @Test
        void closeSendsStopAndCompletesWhenTheBoardAcknowledgesIt() {
            connect();
            host.commandSpeed(2000);
            host.close();
            assertThat(host.closed()).isNotDone();
            clock.advance(Duration.ofMillis(3)); // the STOP goes out behind the SET_SPEED, its ACK comes back
            assertThat(last()).isInstanceOf(Packet.Stop.class);
            assertThat(host.closed()).isCompleted();
            assertThat(count(Packet.Stop.class)).isEqualTo(1);
        }

        @Test
        void aStopNeverAcknowledgedIsResentAndGivenUpAfter200Ms() {
            connect();
            script = p -> p instanceof Packet.Stop ? List.of() : goodBoard(p);
            host.close();
            clock.advance(Duration.ofMillis(199));
            assertThat(host.closed()).isNotDone();
            clock.advance(Duration.ofMillis(2));
            assertThat(host.closed()).isCompleted();
            assertThat(count(Packet.Stop.class)).isEqualTo(2);
        }

        @Test
        void aLostLinkMakesEveryCommandThrowNamingThePort() {
            connect();
            host.linkLost("the link was lost (unplugged, or the other end closed it)");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.commandSpeed(1200))
                    .isInstanceOf(DeviceException.class)
                    .hasMessage("serial:/dev/ttyTEST: the link was lost (unplugged, or the other end closed it)");
            host.close();
            assertThat(host.closed()).isCompleted();
        }
    }
}
