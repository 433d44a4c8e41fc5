package org.percuss.controller.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.record.Frame;
import org.percuss.controller.record.Message;
import org.percuss.controller.record.Recording;
import org.percuss.controller.record.Replay;
import org.percuss.device.api.Telemetry;
import org.percuss.simulator.scenario.RunPlot;
import org.percuss.simulator.scenario.RunRecord;
import org.percuss.simulator.scenario.Sample;

/**
 * What {@link RunPlot} draws — the ticks, the markers, the temperature limits — gathered from a
 * recording, from a replay of one, or from a trace's rows, so that {@code percuss plot} and
 * {@code percuss replay --plot} draw the very plot {@code simulate --plot} does.
 *
 * @param title the plot's title
 * @param record the ticks
 * @param markers steps (grey) and trips (red)
 * @param temperatureLines the configuration's temperature limits
 * @param topPpm the highest level's speed, for the speed axis
 */
public record PlotData(String title, RunRecord record, List<RunPlot.Marker> markers, List<RunPlot.Reference> temperatureLines,
                       double topPpm) {

    public PlotData {
        markers = List.copyOf(markers);
        temperatureLines = List.copyOf(temperatureLines);
    }

    /** Writes the PNG. */
    public void write(OutputStream png) throws IOException {
        RunPlot.write(png, title, record, markers, temperatureLines, topPpm);
    }

    /** The plot of what was recorded. */
    public static PlotData of(Recording recording) {
        PercussConfig config = recording.header().config();
        RunRecord run = new RunRecord();
        List<RunPlot.Marker> markers = new ArrayList<>();
        long origin = recording.frames().isEmpty() ? 0 : recording.frames().getFirst().nanos();
        for (Frame f : recording.frames()) {
            Telemetry t = f.telemetry();
            long at = f.nanos() - origin;
            run.add(new Sample(at, f.state().name(), f.level(), f.targetPpm(), f.commandedPpm(), t.measuredPpm(),
                    t.currentAmps(), t.temperatureCelsius(), t.supplyVolts(), t.faults().bits(), f.latchedBits(),
                    f.derateLevel()));
            mark(markers, at, f.notes(), f.messages());
        }
        return new PlotData(recording.header().title(), run, markers,
                ScenarioRunner.temperatureLines(config.safety().thermal()), config.levels().highestPpm());
    }

    /** Draws a replay as it goes: a {@link Replay.TickView}; {@link #plot} when it is done. */
    public static final class Replayed implements Replay.TickView {
        private final RunRecord run = new RunRecord();
        private final List<RunPlot.Marker> markers = new ArrayList<>();
        private long origin = Long.MIN_VALUE;

        @Override
        public void afterTick(ControlLoop loop, Frame recorded, List<Message> said) {
            if (origin == Long.MIN_VALUE) {
                origin = recorded.nanos();
            }
            long at = recorded.nanos() - origin;
            run.add(Samples.of(loop, at));
            mark(markers, at, recorded.notes(), said);
        }

        /** The plot of the replay, with {@code config}'s limits. */
        public PlotData plot(String title, PercussConfig config) {
            return new PlotData(title, run, markers, ScenarioRunner.temperatureLines(config.safety().thermal()),
                    config.levels().highestPpm());
        }
    }

    /** The plot of a trace's rows (no derate column there: no derate band), with {@code config}'s limits. */
    public static PlotData ofRows(String title, List<Sample> rows, List<RunPlot.Marker> markers, PercussConfig config) {
        RunRecord run = new RunRecord();
        rows.forEach(run::add);
        return new PlotData(title, run, markers, ScenarioRunner.temperatureLines(config.safety().thermal()),
                config.levels().highestPpm());
    }

    /** A scenario's steps (its notes), and the latched stops with their reasons, as the scenario runner marks them. */
    private static void mark(List<RunPlot.Marker> markers, long nanos, List<String> notes, List<Message> said) {
        for (String note : notes) {
            markers.add(new RunPlot.Marker(nanos / 1e9, note, false));
        }
        for (Message m : said) {
            if (m.kind() == Message.Kind.STATE && m.to().latched()) {
                markers.add(new RunPlot.Marker(nanos / 1e9, m.text(), true));
            }
        }
    }
}
