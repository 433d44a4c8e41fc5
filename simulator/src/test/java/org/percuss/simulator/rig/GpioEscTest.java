package org.percuss.simulator.rig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.percuss.device.api.Fault;
import org.percuss.device.gpio.GpioDevice;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.MotorOutput;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.physics.Sensors;

/**
 * The rig driving an RC ESC ({@code gpio.output: esc}) on the virtual Pi, closed around the
 * simulator's motor through a {@link HobbyEsc} that arms only after two seconds of zero throttle:
 * 1000 µs for the rig's arming time before any speed, 1000..2000 µs pulses after, and 1000 µs again
 * on every stop, fault and exit.
 */
class GpioEscTest {

    private static final int ARMING_MS = 3000;
    private final VirtualClock clock = new VirtualClock(1_000_000_000L);
    private final GunPlant plant = new GunPlant(PhysicsParameters.DEFAULT);
    private final Sensors sensors = new Sensors(new SplittableRandom(3));
    private final GpioRig wiring = SimulatedRig.rigFor(plant).withOutput(MotorOutput.esc(50, ARMING_MS));
    private SimulatedRig rig = new SimulatedRig(clock, wiring, plant, sensors);
    private GpioDevice device = rig.device();
    private VirtualPi pi = rig.pi();

    @AfterEach
    void close() {
        device.close();
    }

    private int run(int ppm, long millis) {
        int commanded = 0;
        for (long t = 0; t < millis; t += 10) {
            commanded = device.commandSpeed(ppm);
            clock.advance(Duration.ofMillis(10));
        }
        return commanded;
    }

    private int feedforwardPulse(int ppm) {
        return MotorOutput.pulseMicros((int) Math.round(100.0 * ppm / wiring.fullDutyPpm()));
    }

    @Test
    void itArmsAtZeroThrottleForTheArmingTimeBeforeAnySpeed() {
        assertThat(pi.pwmFrequencyHz()).isEqualTo(50);
        assertThat(pi.escPulseMicros()).isEqualTo(1000);
        assertThat(pi.enabled()).as("the ESC is powered from the start, to arm").isTrue();
        assertThat(pi.duty()).as("no motor-driver duty on an ESC rig").isZero();
        List<Integer> pulses = new ArrayList<>();
        for (int t = 0; t < ARMING_MS - 10; t += 10) {
            assertThat(device.commandSpeed(1200)).as("held at 0 while arming, at %d ms", t).isZero();
            clock.advance(Duration.ofMillis(10));
            pulses.add(pi.escPulseMicros());
        }
        assertThat(pulses).containsOnly(1000);
        assertThat(rig.escArmed()).as("the ESC needs 2 s; the rig gives it 3").isTrue();
        assertThat(plant.speedRpm()).isZero();
        clock.advance(Duration.ofMillis(10));
        assertThat(device.commandSpeed(1200)).isEqualTo(1200);
        assertThat(pi.escPulseMicros()).isEqualTo(feedforwardPulse(1200));
        run(1200, 3000);
        assertThat(device.telemetry().measuredPpm()).isBetween(1150, 1250);
    }

    @Test
    void eachLevelHasItsPulseWidthAndTheRegulatorHoldsItsSpeed() {
        run(0, ARMING_MS);
        plant.setPressure(10);
        int[] levels = {1200, 1700, 2200, 2700, 3200};
        int previous = 1000;
        for (int ppm : levels) {
            run(0, 500);
            assertThat(device.commandSpeed(ppm)).isEqualTo(ppm);
            assertThat(pi.escPulseMicros()).as("a start puts out the feedforward at once").isEqualTo(feedforwardPulse(ppm));
            run(ppm, 4000);
            int pulse = pi.escPulseMicros();
            assertThat(device.telemetry().measuredPpm()).as("%d ppm", ppm).isBetween(ppm - 60, ppm + 60);
            assertThat(pulse).as("%d ppm", ppm).isBetween(previous + 1, 2000);
            assertThat(rig.motorDuty()).isEqualTo((pulse - 1000) / 1000.0);
            previous = pulse;
        }
    }

    @Test
    void everyStopFaultAndExitIsZeroThrottle() {
        run(0, ARMING_MS);
        run(2200, 2000);
        assertThat(pi.escPulseMicros()).isGreaterThan(1300);
        device.commandSpeed(0);
        assertThat(pi.escPulseMicros()).as("a stop").isEqualTo(1000);
        run(2200, 1000);
        pi.pressEmergencyStop(true);
        assertThat(pi.escPulseMicros()).as("the e-stop's edge, with no tick between").isEqualTo(1000);
        pi.pressEmergencyStop(false);
        clock.advance(Duration.ofMillis(40));
        device.requestClearFaults();
        clock.advance(Duration.ofMillis(20));
        run(2200, 1000);
        assertThat(pi.escPulseMicros()).as("no re-arming: the ESC saw no gap").isGreaterThan(1000);
        clock.advance(Duration.ofMillis(300)); // the control loop falls silent: the watchdog
        assertThat(device.telemetry().faults().contains(Fault.COMM_TIMEOUT)).isTrue();
        assertThat(pi.escPulseMicros()).as("a fault").isEqualTo(1000);
        device.requestClearFaults();
        clock.advance(Duration.ofMillis(20));
        run(2200, 1000);
        rig.chip(1, 0x40).setAnswering(false);
        run(2200, 200);
        assertThat(device.faultDetail()).isEqualTo("INA219 at 0x40 on bus 1: no answer");
        assertThat(pi.escPulseMicros()).as("a silent sensor").isEqualTo(1000);
        rig.chip(1, 0x40).setAnswering(true);
        clock.advance(Duration.ofMillis(40));
        device.requestClearFaults();
        clock.advance(Duration.ofMillis(20));
        run(2200, 1000);
        assertThat(pi.escPulseMicros()).isGreaterThan(1000);
        device.close();
        assertThat(pi.escPulseMicros()).as("closing: left at zero throttle").isEqualTo(1000);
        assertThat(pi.enabled()).as("and its power off").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(plant.speedRpm()).isLessThan(50);
    }

    @Test
    void anArmingTimeShorterThanTheEscNeedsLeavesTheMotorStill() {
        device.close();
        VirtualClock other = new VirtualClock(1_000_000_000L);
        GunPlant still = new GunPlant(PhysicsParameters.DEFAULT);
        rig = new SimulatedRig(other, wiring.withOutput(MotorOutput.esc(50, 500)), still, sensors);
        device = rig.device();
        pi = rig.pi();
        for (int t = 0; t < 3500; t += 10) {
            device.commandSpeed(t < 500 ? 0 : 1200);
            other.advance(Duration.ofMillis(10));
        }
        assertThat(pi.escPulseMicros()).as("asked for speed, but not for long enough at zero")
                .isGreaterThan(1000);
        assertThat(rig.escArmed()).isFalse();
        assertThat(device.telemetry().measuredPpm()).as("a stall the controller's stall rule stops").isZero();
    }
}
