package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.PercussConfig;
import org.percuss.device.api.Fault;
import org.percuss.device.gpio.GpioDevice;
import org.percuss.device.gpio.GpioRig;
import org.percuss.simulator.clock.VirtualClock;

/**
 * The real control loop driving the Raspberry Pi rig on Pi4J's mock pins, everything on one
 * virtual clock: a motor at 90 % of its unloaded speed turns the tachometer pin, the rig samples
 * every 20 ms, the loop ticks every 10 ms. The safety rules hold through the rig as through a board.
 */
class GpioRigLoopTest {

    private static final GpioRig RIG = GpioRig.DEFAULT;

    /** One control tick as seen on the pins. */
    private record Tick(double t, LoopState state, int commandedPpm, int duty, int measuredPpm) {
    }

    private final VirtualClock clock = new VirtualClock();
    private final Context pi4j = Pi4J.newContextBuilder()
            .add(MockPwmProvider.newInstance(), MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    private final List<Tick> ticks = new ArrayList<>();
    private GpioDevice device;
    private ControlLoop loop;
    private boolean tachConnected = true;
    private double speedPpm;
    private double revolutions;

    @BeforeEach
    void wire() {
        device = GpioDevice.onContext(pi4j, RIG, clock);
        for (String button : List.of("percuss-power", "percuss-plus", "percuss-minus")) {
            pi4j.io(button, MockDigitalInput.class).mockState(DigitalState.HIGH); // released: pulled up
        }
        device.sample();
        clock.scheduleAtFixedRate(Duration.ofMillis(1), Duration.ofMillis(1), this::turnMotor);
        clock.scheduleAtFixedRate(Duration.ofMillis(20), Duration.ofMillis(20), device::sample);
        loop = ControlLoop.create(device, PercussConfig.DEFAULT.withSessionLimit(Duration.ofSeconds(40)), clock,
                LoopListener.NONE);
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
            loop.tick();
            ticks.add(new Tick(clock.nanos() / 1e9, loop.state(), loop.commandedPpm(), duty(),
                    device.telemetry().measuredPpm()));
        });
        loop.selectLevel(3);
    }

    @AfterEach
    void close() {
        device.close();
    }

    @Test
    void aSessionStartsLowWarmsUpRampsHoldsTheLevelAndEndsWithTheMotorOff() {
        loop.start();
        clock.advance(Duration.ofSeconds(41));
        Tick first = ticks.stream().filter(k -> k.commandedPpm() > 0).findFirst().orElseThrow();
        assertThat(first.commandedPpm()).isEqualTo(1200);
        assertThat(first.duty()).isEqualTo(33); // 1200 of 3600 ppm at full duty
        assertThat(ticks.stream().filter(k -> k.t() < first.t() + 10).mapToInt(Tick::commandedPpm).max().orElseThrow())
                .isEqualTo(1200);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).commandedPpm() - ticks.get(i - 1).commandedPpm()).isLessThanOrEqualTo(3);
        }
        Tick at30 = ticks.stream().filter(k -> k.t() >= 30).findFirst().orElseThrow();
        assertThat(at30.state()).isEqualTo(LoopState.RUNNING);
        assertThat(at30.commandedPpm()).isEqualTo(2200);
        // the rig's regulator makes up for the 10 % load: the tachometer reads the level
        assertThat(at30.measuredPpm()).isBetween(2150, 2250);
        assertThat(loop.state()).isEqualTo(LoopState.FINISHED);
        assertThat(duty()).isZero();
        assertThat(pi4j.io("percuss-enable", MockDigitalOutput.class).state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void theEmergencyStopSwitchCutsTheMotorAtOnceAndTheLoopLatchesItUntilReleasedAndCleared() {
        loop.start();
        clock.advance(Duration.ofSeconds(12)); // ramping
        assertThat(loop.state()).isEqualTo(LoopState.RAMPING);
        assertThat(duty()).isPositive();
        estop(true);
        assertThat(duty()).isZero(); // the switch's edge, before any tick
        clock.advance(Duration.ofMillis(30));
        assertThat(loop.state()).isEqualTo(LoopState.EMERGENCY_STOP);
        assertThat(loop.commandedPpm()).isZero();
        estop(false);
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
        assertThat(duty()).isPositive();
        tachConnected = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(loop.state()).isEqualTo(LoopState.FAULT);
        assertThat(loop.latchedFaultBits() & Fault.STALL.mask()).isNotZero();
        assertThat(duty()).isZero();
    }

    private int duty() {
        MockPwm pwm = pi4j.io("percuss-pwm", MockPwm.class);
        return pwm.isOn() ? pwm.dutyCycle() : 0;
    }

    private void estop(boolean pressed) {
        pi4j.io("percuss-estop", MockDigitalInput.class).mockState(pressed ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** 1 ms of a motor at 90 % of {@code fullDutyPpm * duty} with a 100 ms time constant. */
    private void turnMotor() {
        double goal = 0.9 * RIG.fullDutyPpm() * duty() / 100.0;
        speedPpm += (goal - speedPpm) * 0.01;
        double before = revolutions;
        revolutions += speedPpm / 60_000.0 * RIG.tachPulsesPerRevolution();
        if (tachConnected && Math.floor(revolutions) > Math.floor(before)) {
            MockDigitalInput tach = pi4j.io("percuss-tach", MockDigitalInput.class);
            tach.mockState(DigitalState.HIGH);
            tach.mockState(DigitalState.LOW);
        }
    }
}
