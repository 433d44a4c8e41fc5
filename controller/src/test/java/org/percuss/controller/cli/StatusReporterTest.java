package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/** What {@code percuss run} shows while a session runs: here, the line a state change prints on a terminal. */
class StatusReporterTest {

    private final VirtualClock clock = new VirtualClock();
    private final StringWriter text = new StringWriter();
    private final StatusReporter reporter = new StatusReporter(new PrintWriter(text), true, clock);
    private final ControlLoop loop = ControlLoop.builder(SimulatedGun.create(clock).device(), PercussConfig.DEFAULT, clock)
            .listener(reporter).build();

    StatusReporterTest() {
        reporter.attach(loop);
        clock.scheduleAtFixedRate(Duration.ZERO, PercussConfig.DEFAULT.tickPeriod(), () -> {
            loop.tick();
            reporter.afterTick();
        });
    }

    /** The lines written, the live line's redraws ({@code \r}, erase to the end) taken as line ends. */
    private List<String> lines() {
        return Arrays.stream(text.toString().replace("\033[K", "").split("[\r\n]")).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void anEmergencyStopIsSaidOnceOnItsOwnLine() {
        loop.start();
        clock.advance(Duration.ofSeconds(2));
        loop.emergencyStop();
        clock.advance(Duration.ofMillis(20));
        assertThat(lines()).contains("emergency stop: requested by the user")
                .noneMatch(l -> l.contains("emergency stop: emergency stop"));
    }
}
