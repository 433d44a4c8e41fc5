package org.percuss.controller.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.percuss.controller.config.PercussConfig;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;

/**
 * A control loop on a {@link ScriptedDevice}, ticked by hand every 10 ms of a hand-moved clock.
 * Before each tick the device gets a fresh report with the values the test set (the rotor follows
 * the command exactly), so every rule sees exactly what the test says and nothing else.
 */
final class ScriptedLoop {

    static final long TICK = 10_000_000L;

    long now;
    final ScriptedDevice device = new ScriptedDevice();
    final List<String> events = new ArrayList<>();
    final ControlLoop loop;
    double amps = 1.0;
    double celsius = 30;
    double volts = 16;
    Inputs inputs = Inputs.NONE.with(Input.MOTION, true);
    FaultSet faults = FaultSet.NONE;

    ScriptedLoop() {
        this(PercussConfig.DEFAULT, b -> b);
    }

    ScriptedLoop(PercussConfig config, UnaryOperator<ControlLoop.Builder> more) {
        this(null, config, more);
    }

    /** With {@code capabilities} for the device (null for the scripted device's own). */
    ScriptedLoop(Capabilities capabilities, PercussConfig config, UnaryOperator<ControlLoop.Builder> more) {
        if (capabilities != null) {
            device.capabilities = capabilities;
        }
        loop = more.apply(ControlLoop.builder(device, config, () -> now).listener(new LoopListener() {
            @Override
            public void stateChanged(LoopState from, LoopState to, String why) {
                events.add(to + (why.isEmpty() ? "" : ": " + why));
            }

            @Override
            public void warning(String message) {
                events.add("warning: " + message);
            }

            @Override
            public void safetyEvent(String message) {
                events.add("event: " + message);
            }
        })).build();
    }

    /** The next tick, 10 ms after the last, with a report measured just before it. */
    void tick() {
        now += TICK;
        int measured = Math.max(0, device.lastCommand());
        device.telemetry = new Telemetry(now, measured, amps, celsius, volts, inputs, faults, now / 1_000_000);
        loop.tick();
    }

    void run(Duration d) {
        for (long t = 0; t < d.toNanos(); t += TICK) {
            tick();
        }
    }

    void press(Input button) {
        inputs = inputs.with(button, true);
        tick();
        inputs = inputs.with(button, false);
        tick();
    }
}
