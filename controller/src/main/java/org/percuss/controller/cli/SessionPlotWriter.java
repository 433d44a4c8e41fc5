package org.percuss.controller.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.live.SampleHistory;
import org.percuss.controller.live.SessionPlot;
import org.percuss.controller.scenario.ScenarioRunner;
import org.percuss.simulator.scenario.RunPlot;
import org.percuss.simulator.scenario.RunRecord;
import org.percuss.simulator.scenario.Sample;

/**
 * The plot of a whole live session, drawn as {@code simulate --plot} draws a scenario's (the same
 * {@link RunPlot}: speeds over the states, current and temperature with its limits, a line at every
 * safety stop), from the samples the live session kept.
 */
final class SessionPlotWriter implements SessionPlot {

    private final PercussConfig config;
    private final String title;

    SessionPlotWriter(PercussConfig config, String title) {
        this.config = config;
        this.title = title;
    }

    @Override
    public void write(OutputStream png, SampleHistory history) throws IOException {
        SampleHistory.Chunk c = history.whole();
        RunRecord record = new RunRecord();
        for (int i = 0; i < c.size(); i++) {
            record.add(new Sample((long) (c.seconds()[i] * 1e9), c.states()[i].name(), 0, (int) c.targetPpm()[i],
                    (int) c.commandedPpm()[i], (int) c.measuredPpm()[i], c.currentAmps()[i], c.temperatureCelsius()[i],
                    0, 0, 0, 0));
        }
        List<RunPlot.Marker> markers = new ArrayList<>();
        for (SampleHistory.Mark m : history.marks()) {
            markers.add(new RunPlot.Marker(m.seconds(), m.label(), true));
        }
        RunPlot.write(png, title, record, markers, ScenarioRunner.temperatureLines(config.safety().thermal()),
                config.levels().highestPpm());
    }
}
