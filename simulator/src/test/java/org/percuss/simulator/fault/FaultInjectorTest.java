package org.percuss.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.api.Telemetry;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedDevice;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import org.junit.jupiter.api.Test;

/**
 * Every injectable fault: what the gun does while it lasts, and after. The host is played by this
 * test, commanding 2200 ppm every 10 ms (feeding the board's watchdog) and reading telemetry.
 */
class FaultInjectorTest {

    private final VirtualClock clock = new VirtualClock();
    private final SimulatedGun gun = SimulatedGun.create(clock);
    private final SimulatedDevice device = (SimulatedDevice) gun.device();
    private final SimulatedBoard board = gun.board();
    private final FaultInjector faults = gun.faults();
    private int command = 2200;

    FaultInjectorTest() {
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> device.commandSpeed(command));
    }

    private void run(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    /** Asks the device to clear and lets the answer come (a report or two later). */
    private ClearStatus cleared() {
        device.requestClearFaults();
        run(60);
        return device.clearStatus();
    }

    private Telemetry t() {
        return device.telemetry();
    }

    @Test
    void aStallBlocksTheRotorAndTheBoardLatchesIt() {
        run(2000);
        assertThat(t().measuredPpm()).isBetween(2180, 2220);
        faults.inject(InjectedFault.STALL);
        run(100);
        assertThat(t().measuredPpm()).isZero();
        assertThat(t().currentAmps()).as("the driver's current limit").isGreaterThan(7.5);
        assertThat(t().faults().isEmpty()).as("the board's backstop leaves the host time to act").isTrue();
        run(300);
        assertThat(t().faults().contains(Fault.OVER_CURRENT)).isTrue();
        assertThat(board.targetPpm()).isZero();
        faults.clear(InjectedFault.STALL);
        run(100);
        assertThat(cleared()).isEqualTo(ClearStatus.CLEARED);
    }

    @Test
    void overCurrentAddsFiveAmpsUntilCleared() {
        run(2000);
        double before = t().currentAmps();
        faults.inject(InjectedFault.OVER_CURRENT, Duration.ofMillis(200));
        run(20);
        assertThat(t().currentAmps()).isCloseTo(before + 5, org.assertj.core.api.Assertions.within(0.3));
        run(300);
        assertThat(faults.active()).isEmpty();
        assertThat(t().currentAmps()).isCloseTo(before, org.assertj.core.api.Assertions.within(0.3));
        assertThat(t().faults().isEmpty()).as("5.4 A is under the board's own 7.5 A backstop").isTrue();
    }

    @Test
    void thermalRunawayHeatsPastWhereItWouldSettle() {
        gun.plant().setPressure(15);
        run(30 * 60_000); // six time constants: settled
        double settled = t().temperatureCelsius();
        run(60_000);
        assertThat(t().temperatureCelsius()).isCloseTo(settled, org.assertj.core.api.Assertions.within(0.5));
        faults.inject(InjectedFault.THERMAL_RUNAWAY);
        run(180_000);
        double hot = t().temperatureCelsius();
        assertThat(hot).isGreaterThan(settled + 10);
        faults.clear(InjectedFault.THERMAL_RUNAWAY);
        run(300_000);
        assertThat(t().temperatureCelsius()).isLessThan(hot - 5);
    }

    @Test
    void batterySagPullsTheSupplyDownUnderLoad() {
        gun.plant().setPressure(20);
        run(2000);
        double normal = t().supplyVolts();
        faults.inject(InjectedFault.BATTERY_SAG);
        run(100);
        // about 1.7 A from the pack through 7 × 0.15 Ω more resistance
        assertThat(normal - t().supplyVolts()).isBetween(1.4, 2.4);
    }

    @Test
    void aBrownOutSilencesTheBoardThenItBootsAfresh() {
        run(2000);
        board.latchFault(Fault.INTERNAL);
        faults.inject(InjectedFault.BROWN_OUT);
        long before = t().receivedNanos();
        run(200);
        assertThat(t().receivedNanos()).as("no telemetry while it resets").isEqualTo(before);
        run(200);
        assertThat(t().uptimeMillis()).isLessThan(150);
        assertThat(t().faults().isEmpty()).isTrue();
        assertThat(board.resets()).isEqualTo(1);
    }

    @Test
    void aFrozenSensorRepeatsItsReadings() {
        run(2000);
        faults.inject(InjectedFault.FROZEN_SENSOR);
        run(40);
        double current = t().currentAmps();
        double temperature = t().temperatureCelsius();
        gun.plant().setPressure(25);
        run(1000);
        assertThat(t().currentAmps()).isEqualTo(current);
        assertThat(t().temperatureCelsius()).isEqualTo(temperature);
        faults.clear(InjectedFault.FROZEN_SENSOR);
        run(100);
        assertThat(t().currentAmps()).isGreaterThan(current + 1);
    }

    @Test
    void aNoisySensorIsTwentyTimesNoisier() {
        run(2000);
        double quiet = spread();
        faults.inject(InjectedFault.NOISY_SENSOR);
        double noisy = spread();
        assertThat(noisy).isGreaterThan(8 * quiet);
    }

    private double spread() {
        List<Double> v = new ArrayList<>();
        board.onTelemetry(x -> v.add(x.supplyVolts()));
        run(2000);
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return Math.sqrt(v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / v.size());
    }

    @Test
    void aLostTachometerReadsZeroAndTheBoardDeclaresAStall() {
        run(2000);
        faults.inject(InjectedFault.TACHOMETER_LOSS);
        run(100);
        assertThat(t().measuredPpm()).isZero();
        assertThat(board.motorSpeedPpm()).as("the regulator, blind, speeds up").isGreaterThan(2200);
        run(1200);
        assertThat(t().faults().contains(Fault.STALL)).isTrue();
        assertThat(board.targetPpm()).isZero();
    }

    @Test
    void theEmergencyStopInputLatchesAndStops() {
        run(1000);
        faults.inject(InjectedFault.EMERGENCY_STOP, Duration.ofSeconds(1));
        run(30);
        assertThat(t().inputs().isActive(Input.EMERGENCY_STOP)).isTrue();
        assertThat(t().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
        run(1000);
        assertThat(t().inputs().isActive(Input.EMERGENCY_STOP)).isFalse();
        assertThat(cleared()).isEqualTo(ClearStatus.CLEARED);
    }

    @Test
    void aDroppedLinkStopsTelemetryAndCommandsSoTheWatchdogFires() {
        run(1000);
        faults.inject(InjectedFault.LINK_DROP);
        long last = t().receivedNanos();
        run(300);
        assertThat(t().receivedNanos()).isEqualTo(last);
        assertThat(board.latchedFaults().contains(Fault.COMM_TIMEOUT)).isTrue();
        faults.clear(InjectedFault.LINK_DROP);
        run(40);
        assertThat(t().receivedNanos()).isGreaterThan(last);
    }

    @Test
    void corruptedBytesLoseAboutOnePacketInTen() {
        run(1000);
        List<Long> arrivals = new ArrayList<>();
        faults.inject(InjectedFault.CORRUPTED_BYTES);
        long last = -1;
        for (int i = 0; i < 1000; i++) {
            run(20);
            if (t().receivedNanos() != last) {
                arrivals.add(t().receivedNanos());
                last = t().receivedNanos();
            }
        }
        assertThat(arrivals.size()).as("900 of 1000 expected, ±3σ").isBetween(870, 930);
        assertThat(board.latchedFaults().isEmpty()).as("a 250 ms watchdog outlives 10 % loss").isTrue();
    }

    @Test
    void delayedBytesArriveFiftyMillisecondsLate() {
        run(1000);
        faults.inject(InjectedFault.DELAYED_BYTES);
        run(200);
        long age = clock.nanos() - t().receivedNanos();
        assertThat(t().uptimeMillis()).isLessThanOrEqualTo(clock.nanos() / 1_000_000 - 50);
        assertThat(age).isLessThan(20_000_000L);
    }
}
