package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.percuss.controller.config.PercussConfig;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.gpio.MotorOutput;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.board.Transport;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.InjectedFault;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.physics.Sensors;
import org.percuss.simulator.rig.SimulatedRig;

/**
 * The safety rules that need sensors, on the Raspberry Pi rig: the real control loop drives the
 * real Pi driver on Pi4J's mock pins and I2C bus, whose INA219, MPU-6050 and NTC-on-ADS1115 report
 * what the simulator's motor, battery, hand and thermal model do, all on one virtual clock. Each
 * rule acts as it does through a board; a sensor that falls silent stops the session, named.
 */
class GpioRigSafetyTest {

    private final VirtualClock clock = new VirtualClock();
    private final List<String> said = new ArrayList<>();
    private SimulatedGun gun;
    private SimulatedRig rig;
    private VirtualPi pi;
    private ControlLoop loop;

    private void wire(PhysicsParameters physics, double pressure, int level, Duration limit) {
        gun = SimulatedGun.create(clock, physics, 1, Transport.GPIO, Duration.ofMillis(10));
        rig = (SimulatedRig) gun.hardware();
        pi = rig.pi();
        gun.plant().setPressure(pressure);
        loop = ControlLoop.builder(gun.device(), PercussConfig.DEFAULT.withSessionLimit(limit), clock).listener(new LoopListener() {
            @Override
            public void warning(String message) {
                said.add(String.format("%.2f %s", clock.nanos() / 1e9, message));
            }

            @Override
            public void safetyEvent(String message) {
                said.add(String.format("%.2f %s", clock.nanos() / 1e9, message));
            }
        }).build();
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), loop::tick);
        loop.selectLevel(level);
        loop.start();
    }

    @AfterEach
    void close() {
        gun.device().close();
    }

    private void until(double seconds) {
        clock.advanceNanos(Math.round(seconds * 1e9) - clock.nanos());
    }

    /** Advances tick by tick until {@code done}, at most to {@code seconds}; returns the time it became true. */
    private double when(BooleanSupplier done, double seconds) {
        while (!done.getAsBoolean() && clock.nanos() < seconds * 1e9) {
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(done.getAsBoolean()).as("by %.1f s; said %s", seconds, said).isTrue();
        return clock.nanos() / 1e9;
    }

    private void assertStopped() {
        assertThat(loop.commandedPpm()).isZero();
        assertThat(pi.duty()).isZero();
        assertThat(pi.enabled()).isFalse();
    }

    @Test
    void pressingTooHardDeratesToTheLowestLevelAndAFailingDriverTripsOverCurrent() {
        wire(PhysicsParameters.DEFAULT, 10, 4, Duration.ofMinutes(3));
        until(29);
        assertThat(loop.commandedPpm()).isEqualTo(2700);
        assertThat(loop.telemetry().currentAmps()).isBetween(1.0, 3.0);
        gun.plant().setPressure(20);
        double derate = when(() -> loop.derateLevel() == 1, 40);
        assertThat(derate).isBetween(30.0, 30.0 + 1.1 + 0.1);
        assertThat(said).anyMatch(s -> s.contains("derating to level 1: pressing too hard: current above 3.0 A for 1 s"));
        assertThat(loop.commandedPpm()).isEqualTo(1200);
        gun.plant().setPressure(8);
        when(() -> loop.derateLevel() == 0, 45);
        until(60);
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
        gun.faults().inject(InjectedFault.OVER_CURRENT);
        double trip = when(() -> loop.state() == LoopState.FAULT, 65);
        assertThat(trip - 60).isBetween(0.1, 0.15);
        assertThat(loop.latchedFaults().contains(Fault.OVER_CURRENT)).isTrue();
        assertStopped();
    }

    @Test
    void aSaggingBatteryTripsUnderVoltage() {
        wire(PhysicsParameters.DEFAULT.withStateOfCharge(0.12), 10, 3, Duration.ofMinutes(2));
        until(29);
        assertThat(loop.telemetry().supplyVolts()).isCloseTo(gun.plant().supplyVolts(), offset(0.05)).isGreaterThan(13.0);
        gun.faults().inject(InjectedFault.BATTERY_SAG);
        double trip = when(() -> loop.state() == LoopState.FAULT, 31);
        assertThat(trip - 29).isBetween(0.1, 0.2);
        assertThat(loop.latchedFaults().contains(Fault.UNDER_VOLTAGE)).isTrue();
        assertThat(said).anyMatch(s -> s.contains("trip: under voltage: supply"));
        assertStopped();
    }

    @Test
    void aMotorThatOverheatsIsDeratedLevelByLevelThenTripped() {
        wire(PhysicsParameters.DEFAULT.withAmbient(30), 15, 4, Duration.ofMinutes(15));
        until(30);
        gun.faults().inject(InjectedFault.THERMAL_RUNAWAY);
        when(() -> loop.derateLevel() > 0, 630);
        assertThat(loop.telemetry().temperatureCelsius()).isBetween(60.0, 61.0)
                .isCloseTo(gun.plant().temperatureCelsius(), offset(0.5));
        when(() -> loop.derateLevel() == 1, 900);
        when(() -> loop.state() == LoopState.FAULT, 900);
        assertThat(loop.latchedFaults().contains(Fault.OVER_TEMPERATURE)).isTrue();
        assertThat(said).filteredOn(s -> s.contains("derating to level")).hasSize(4);
        assertStopped();
    }

    @Test
    void aGunHeldStillIsWarnedThenDeratedAndMovingItEndsTheDerate() {
        wire(PhysicsParameters.DEFAULT, 10, 3, Duration.ofMinutes(3));
        until(30);
        gun.hardware().setInput(Input.MOTION, false);
        double warned = when(() -> said.stream().anyMatch(s -> s.contains("held still for 10 s")), 45);
        assertThat(warned - 30).as("10 s, and the sensor's 0.3 s hold").isBetween(10.0, 10.4);
        double derated = when(() -> loop.derateLevel() == 1, 55);
        assertThat(derated - 30).isBetween(20.0, 20.4);
        assertThat(loop.commandedPpm()).isEqualTo(1200);
        until(60);
        gun.hardware().setInput(Input.MOTION, true);
        double moved = when(() -> loop.derateLevel() == 0, 61);
        assertThat(moved - 60).isLessThanOrEqualTo(0.05);
        until(70);
        assertThat(loop.commandedPpm()).isEqualTo(2200);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"64, INA219 at 0x40 on bus 1", "104, MPU-6050 at 0x68 on bus 1", "72, ADS1115 at 0x48 on bus 1"})
    void aSensorThatFallsSilentStopsTheSessionNamed(int address, String name) {
        wire(PhysicsParameters.DEFAULT, 10, 3, Duration.ofMinutes(3));
        until(30);
        rig.chip(1, address).setAnswering(false);
        double stopped = when(() -> loop.state() == LoopState.FAULT, 31);
        assertThat(stopped - 30).isBetween(0.1, 0.15);
        assertThat(loop.latchedFaults().contains(Fault.INTERNAL)).isTrue();
        assertThat(loop.stopMessage()).isEqualTo("internal board fault: reported by the device: " + name + ": no answer");
        assertStopped();
        loop.clearFaults();
        until(32);
        assertThat(loop.state()).as("not while it is silent").isEqualTo(LoopState.FAULT);
        rig.chip(1, address).setAnswering(true);
        until(33);
        loop.clearFaults();
        until(34);
        loop.start();
        double restarted = when(() -> loop.commandedPpm() > 0, 36);
        assertThat(loop.commandedPpm()).as("at %.2f s, from the lowest level", restarted).isEqualTo(1200);
    }

    @Test
    void anEscRigStartsTheSessionOnceArmed() {
        PhysicsParameters physics = PhysicsParameters.DEFAULT;
        GunPlant plant = new GunPlant(physics);
        rig = new SimulatedRig(clock, SimulatedRig.rigFor(plant).withOutput(MotorOutput.esc(50, 3000)), plant,
                new Sensors(new java.util.SplittableRandom(1)));
        pi = rig.pi();
        List<int[]> ticks = new ArrayList<>();
        loop = ControlLoop.builder(rig.device(), PercussConfig.DEFAULT.withSessionLimit(Duration.ofSeconds(40)), clock)
                .build();
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
            loop.tick();
            ticks.add(new int[] {(int) (clock.nanos() / 1_000_000), loop.commandedPpm(), pi.escPulseMicros()});
        });
        loop.selectLevel(3);
        loop.start();
        until(20);
        int[] first = ticks.stream().filter(k -> k[1] > 0).findFirst().orElseThrow();
        assertThat(first[0]).as("ms: after the 3 s of arming").isBetween(3000, 3030);
        assertThat(ticks.stream().filter(k -> k[0] < 3000)).allSatisfy(k -> assertThat(k[2]).isEqualTo(1000));
        assertThat(first[1]).isEqualTo(1200);
        assertThat(loop.state()).as("no stall while the ESC armed").isNotEqualTo(LoopState.FAULT);
        until(42);
        assertThat(loop.state()).as("the arming is no running time").isEqualTo(LoopState.RUNNING);
        until(44);
        assertThat(loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(pi.escPulseMicros()).isEqualTo(1000);
        gun = SimulatedGun.create(new VirtualClock(), PhysicsParameters.DEFAULT, 1, Transport.DIRECT, Duration.ofMillis(10));
        rig.device().close();
    }
}
