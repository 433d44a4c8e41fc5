package org.percuss.simulator.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.gpio.GpioDevice;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.physics.Sensors;

/**
 * The Raspberry Pi driver on Pi4J's mock pins, closed around the simulator's motor physics, on a
 * virtual clock: the rig's sampler runs on the clock's scheduler, the tachometer pulses at the
 * motor's true speed.
 */
class GpioDeviceTest {

    private final VirtualClock clock = new VirtualClock(1_000_000_000L);
    private final GunPlant plant = new GunPlant(PhysicsParameters.DEFAULT);
    private final Sensors sensors = new Sensors(new SplittableRandom(1));
    private SimulatedRig rig = new SimulatedRig(clock, SimulatedRig.rigFor(plant), plant, sensors);
    private GpioDevice device = rig.device();
    private VirtualPi pi = rig.pi();

    @AfterEach
    void close() {
        device.close();
    }

    /** Commands {@code ppm} every 10 ms for {@code millis}, as the control loop does. */
    private void run(int ppm, long millis) {
        for (long t = 0; t < millis; t += 10) {
            device.commandSpeed(ppm);
            clock.advance(Duration.ofMillis(10));
        }
    }

    private int feedforward(int ppm) {
        return (int) Math.round(100.0 * ppm / pi.rig().fullDutyPpm());
    }

    private int dutyPercent() {
        return (int) Math.round(pi.duty() * 100);
    }

    @Test
    void opensWithTheMotorStoppedAndATelemetryReady() {
        assertThat(pi.duty()).isZero();
        assertThat(pi.enabled()).isFalse();
        assertThat(device.telemetry()).isNotNull();
        assertThat(device.telemetry().faults().isEmpty()).isTrue();
        assertThat(device.capabilities().minPpm()).isEqualTo(1000);
        assertThat(device.capabilities().maxPpm()).isEqualTo(3400);
        assertThat(device.capabilities().features()).as("the simulated rig has every sensor")
                .containsExactlyInAnyOrder(Capability.values());
        assertThat(device.capabilities().watchdogMillis()).isEqualTo(250);
        assertThat(device.capabilities().telemetryPeriodMillis()).isEqualTo(20);
        assertThat(pi.pwmFrequencyHz()).isEqualTo(20_000);
    }

    @Test
    void aStartEnablesTheDriverAndPutsOutTheFeedforwardDutyAtOnce() {
        assertThat(device.commandSpeed(1200)).isEqualTo(1200);
        assertThat(dutyPercent()).isEqualTo(feedforward(1200));
        assertThat(pi.enabled()).isTrue();
    }

    @Test
    void theTachometerReportsTheSpeedAndTheRegulatorHoldsItUnderLoad() {
        plant.setPressure(20); // pressed against a muscle
        run(2200, 4000);
        assertThat(device.telemetry().measuredPpm()).isBetween(2150, 2250);
        assertThat(plant.speedRpm()).isBetween(2150.0, 2250.0);
        assertThat(dutyPercent()).as("the PI made up for the load").isGreaterThan(feedforward(2200) + 3);
    }

    @Test
    void aDecreaseAndAStopAreImmediate() {
        run(3000, 2000);
        int high = dutyPercent();
        device.commandSpeed(1200);
        assertThat(dutyPercent()).isLessThan(high - 20);
        device.commandSpeed(0);
        assertThat(pi.duty()).isZero();
        assertThat(pi.enabled()).isFalse();
    }

    @Test
    void theEmergencyStopInputCutsTheMotorOnItsEdgeAndLatchesUntilReleasedAndCleared() {
        run(2200, 1000);
        assertThat(pi.duty()).isPositive();
        pi.pressEmergencyStop(true);
        // no sample, no tick: the edge itself stopped it
        assertThat(pi.duty()).isZero();
        assertThat(pi.enabled()).isFalse();
        clock.advance(Duration.ofMillis(20));
        assertThat(device.telemetry().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
        assertThat(device.telemetry().inputs().isActive(Input.EMERGENCY_STOP)).isTrue();
        assertThat(device.commandSpeed(1200)).as("refused, and says so").isZero();
        assertThat(pi.duty()).isZero();
        assertThat(device.refusals()).isEqualTo(1);
        device.requestClearFaults();
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.REFUSED);
        pi.pressEmergencyStop(false);
        clock.advance(Duration.ofMillis(20));
        assertThat(device.telemetry().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
        device.requestClearFaults();
        assertThat(device.clearStatus()).as("until a sample shows it").isEqualTo(ClearStatus.PENDING);
        clock.advance(Duration.ofMillis(20));
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.CLEARED);
        assertThat(device.telemetry().faults().isEmpty()).isTrue();
        device.commandSpeed(1200);
        assertThat(dutyPercent()).isEqualTo(feedforward(1200));
    }

    @Test
    void anActiveLowEmergencyStopWorksTheOtherWayRound() {
        device.close();
        GpioRig d = SimulatedRig.rigFor(plant);
        rig = new SimulatedRig(clock, new GpioRig(d.pwmChannel(), d.pwmFrequencyHz(), d.tachPin(),
                d.tachPulsesPerRevolution(), d.fullDutyPpm(), d.minPpm(), d.maxPpm(), d.enablePin(), d.heartbeatPin(),
                d.emergencyStopPin(), false, d.powerButtonPin(), d.plusButtonPin(), d.minusButtonPin(), d.watchdogMillis(),
                d.samplePeriodMillis()), plant, sensors);
        device = rig.device();
        pi = rig.pi();
        run(1200, 500);
        assertThat(pi.duty()).isPositive();
        pi.pressEmergencyStop(true);
        assertThat(pi.duty()).isZero();
        clock.advance(Duration.ofMillis(20));
        assertThat(device.telemetry().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
    }

    @Test
    void aSilentControlLoopTripsTheWatchdogAndStopsTheHeartbeat() {
        List<Boolean> beats = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            run(2200, 10);
            beats.add(pi.heartbeat());
        }
        assertThat(beats).contains(true, false);
        clock.advance(Duration.ofMillis(230));
        assertThat(pi.duty()).as("240 ms without a command: still within the 250 ms").isPositive();
        clock.advance(Duration.ofMillis(40));
        assertThat(pi.duty()).isZero();
        assertThat(pi.enabled()).isFalse();
        assertThat(device.telemetry().faults().contains(Fault.COMM_TIMEOUT)).isTrue();
        boolean last = pi.heartbeat();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(20));
            assertThat(pi.heartbeat()).isEqualTo(last);
        }
    }

    @Test
    void aSpeedOutsideTheRigsRangeIsRefusedAndTheMotorStopped() {
        run(2200, 500);
        assertThat(device.commandSpeed(3500)).isZero();
        assertThat(pi.duty()).isZero();
        assertThat(device.refusals()).isEqualTo(1);
        assertThat(device.commandSpeed(900)).isZero();
        assertThat(pi.duty()).isZero();
        assertThat(device.refusals()).isEqualTo(2);
    }

    @Test
    void buttonsToGroundReadAsHeld() {
        pi.press(Input.PLUS_BUTTON, true);
        clock.advance(Duration.ofMillis(20));
        assertThat(device.telemetry().inputs().isActive(Input.PLUS_BUTTON)).isTrue();
        assertThat(device.telemetry().inputs().isActive(Input.POWER_BUTTON)).isFalse();
        pi.press(Input.PLUS_BUTTON, false);
        clock.advance(Duration.ofMillis(20));
        assertThat(device.telemetry().inputs().isActive(Input.PLUS_BUTTON)).isFalse();
    }

    @Test
    void aCutTachometerWireReadsAsStoppedSoTheControllersStallRuleCanTrip() {
        run(2200, 2000);
        assertThat(device.telemetry().measuredPpm()).isGreaterThan(2000);
        sensors.setTachometerLost(true);
        run(2200, 700);
        assertThat(device.telemetry().measuredPpm()).isZero();
        assertThat(dutyPercent()).as("the regulator, seeing no speed, is bounded by its trim").isLessThanOrEqualTo(100);
    }

    @Test
    void closeStopsTheMotorAndRefusesFurtherCommands() {
        run(2200, 500);
        device.close();
        assertThat(pi.duty()).isZero();
        assertThat(pi.enabled()).isFalse();
        assertThatThrownBy(() -> device.commandSpeed(1200)).isInstanceOf(DeviceException.class)
                .hasMessageContaining("closed");
        device.close(); // idempotent
        device.stop(); // and stop never throws
        clock.advance(Duration.ofMillis(100)); // the sampler was cancelled: nothing touches the released pins
        assertThat(pi.duty()).isZero();
    }
}
