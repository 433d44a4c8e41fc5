package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.PercussConfig;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.board.Transport;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.InjectedFault;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.rig.SimulatedRig;

/**
 * The real control loop driving the Raspberry Pi rig on Pi4J's mock pins around the simulator's
 * motor physics, everything on one virtual clock: the rig samples every 20 ms, the loop ticks every
 * 10 ms. The safety rules hold through the rig as through a board.
 */
class GpioRigLoopTest {

    /** One control tick as seen on the pins. */
    private record Tick(double t, LoopState state, int commandedPpm, double duty, int measuredPpm) {
    }

    private final VirtualClock clock = new VirtualClock();
    private final List<Tick> ticks = new ArrayList<>();
    private SimulatedGun gun;
    private VirtualPi pi;
    private ControlLoop loop;

    @BeforeEach
    void wire() {
        gun = SimulatedGun.create(clock, PhysicsParameters.DEFAULT, 1, Transport.GPIO, Duration.ofMillis(10));
        gun.plant().setPressure(15);
        pi = ((SimulatedRig) gun.hardware()).pi();
        loop = ControlLoop.builder(gun.device(), PercussConfig.DEFAULT.withSessionLimit(Duration.ofSeconds(40)), clock)
                .build();
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
            loop.tick();
            ticks.add(new Tick(clock.nanos() / 1e9, loop.state(), loop.commandedPpm(), pi.duty(),
                    gun.device().telemetry().measuredPpm()));
        });
        loop.selectLevel(3);
    }

    @AfterEach
    void close() {
        gun.device().close();
    }

    @Test
    void aSessionStartsLowWarmsUpRampsHoldsTheLevelAndEndsWithTheMotorOff() {
        loop.start();
        clock.advance(Duration.ofSeconds(41));
        Tick first = ticks.stream().filter(k -> k.commandedPpm() > 0).findFirst().orElseThrow();
        assertThat(first.commandedPpm()).isEqualTo(1200);
        assertThat(first.duty()).isCloseTo(1200.0 / pi.rig().fullDutyPpm(), org.assertj.core.data.Offset.offset(0.006));
        assertThat(ticks.stream().filter(k -> k.t() < first.t() + 10).mapToInt(Tick::commandedPpm).max().orElseThrow())
                .isEqualTo(1200);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).commandedPpm() - ticks.get(i - 1).commandedPpm()).isLessThanOrEqualTo(3);
        }
        Tick at30 = ticks.stream().filter(k -> k.t() >= 30).findFirst().orElseThrow();
        assertThat(at30.state()).isEqualTo(LoopState.RUNNING);
        assertThat(at30.commandedPpm()).isEqualTo(2200);
        // the rig's regulator makes up for the load: the tachometer reads the level
        assertThat(at30.measuredPpm()).isBetween(2150, 2250);
        assertThat(loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(pi.duty()).isZero();
        assertThat(pi.enabled()).isFalse();
    }

    @Test
    void theEmergencyStopSwitchCutsTheMotorAtOnceAndTheLoopLatchesItUntilReleasedAndCleared() {
        loop.start();
        clock.advance(Duration.ofSeconds(12)); // ramping
        assertThat(loop.state()).isEqualTo(LoopState.RAMPING);
        assertThat(pi.duty()).isPositive();
        gun.hardware().setInput(Input.EMERGENCY_STOP, true);
        assertThat(pi.duty()).isZero(); // the switch's edge, before any tick
        clock.advance(Duration.ofMillis(30));
        assertThat(loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
        assertThat(loop.commandedPpm()).isZero();
        gun.hardware().setInput(Input.EMERGENCY_STOP, false);
        clock.advance(Duration.ofSeconds(5));
        assertThat(ticks.subList(ticks.size() - 500, ticks.size())).allSatisfy(k -> {
            assertThat(k.commandedPpm()).isZero();
            assertThat(k.duty()).isZero();
        });
        loop.clearFaults();
        loop.start();
        int from = ticks.size();
        clock.advance(Duration.ofSeconds(3));
        Tick restart = ticks.subList(from, ticks.size()).stream().filter(k -> k.commandedPpm() > 0).findFirst().orElseThrow();
        assertThat(restart.commandedPpm()).isEqualTo(1200);
        assertThat(restart.state()).isEqualTo(LoopState.WARM_UP);
    }

    @Test
    void aCutTachometerWireTripsTheStallRuleAndStopsTheMotor() {
        loop.start();
        clock.advance(Duration.ofSeconds(20));
        assertThat(pi.duty()).isPositive();
        gun.faults().inject(InjectedFault.TACHOMETER_LOSS);
        clock.advance(Duration.ofSeconds(1));
        assertThat(loop.state()).isEqualTo(LoopState.FAULT);
        assertThat(loop.latchedFaultBits() & Fault.STALL.mask()).isNotZero();
        assertThat(pi.duty()).isZero();
    }
}
