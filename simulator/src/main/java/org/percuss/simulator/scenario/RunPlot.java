package org.percuss.simulator.scenario;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a run as a PNG readable at a glance: above, commanded and measured speed over coloured
 * bands for the controller's states and a band where a safety rule derates, with a vertical
 * marker for every injection and trip; below, current and temperature, with the temperature limits
 * as dashed lines. Headless; XChart does the drawing.
 */
public final class RunPlot {

    /**
     * A moment to mark with a vertical line.
     *
     * @param seconds when
     * @param label what, written beside the line
     * @param fault whether it is a trip (red) rather than an injection (grey)
     */
    public record Marker(double seconds, String label, boolean fault) {
    }

    /**
     * A horizontal reference on the temperature axis.
     *
     * @param label what it is, such as {@code derate from 60 °C}
     * @param celsius where
     */
    public record Reference(String label, double celsius) {
    }

    private static final int WIDTH = 1400;
    private static final int SPEED_HEIGHT = 560;
    private static final int LOWER_HEIGHT = 400;
    private static final int MAX_POINTS = 4000;
    private static final Map<String, Color> STATE_COLORS = Map.of(
            "WARM_UP", new Color(255, 214, 102, 70),
            "RAMPING", new Color(120, 200, 120, 60),
            "RUNNING", new Color(100, 160, 230, 45),
            "PAUSED", new Color(160, 160, 160, 60),
            "FAULT", new Color(230, 60, 60, 70),
            "EMERGENCY_STOP", new Color(150, 0, 0, 80),
            "FINISHED", new Color(120, 120, 150, 50),
            "IDLE", new Color(200, 200, 200, 40));

    private RunPlot() {
    }

    /** Writes the plot of {@code run}, a PNG, to {@code png} (which stays open). */
    public static void write(OutputStream png, String title, RunRecord run, List<Marker> markers, List<Reference> temperatureLines,
                             double topPpm) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int[] idx = downsample(run.size());
        double[] t = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            t[i] = run.seconds(idx[i]);
        }
        BufferedImage speed = BitmapEncoder.getBufferedImage(speedChart(title, run, idx, t, markers, topPpm));
        BufferedImage lower = BitmapEncoder.getBufferedImage(lowerChart(run, idx, t, markers, temperatureLines));
        BufferedImage image = new BufferedImage(WIDTH, SPEED_HEIGHT + LOWER_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(speed, 0, 0, null);
        g.drawImage(lower, 0, SPEED_HEIGHT, null);
        g.dispose();
        // ImageIO.write(image, "png", File) deletes whatever is at the path first: the caller owns the file
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    private static XYChart speedChart(String title, RunRecord run, int[] idx, double[] t, List<Marker> markers,
                                      double topPpm) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(SPEED_HEIGHT).title(title)
                .xAxisTitle("time (s)").yAxisTitle("speed (ppm)").build();
        style(chart);
        double top = Math.ceil(topPpm * 1.15 / 100) * 100;
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(top);
        for (String state : run.stateNames()) {
            double[] band = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                band[i] = run.state(idx[i]).equals(state) ? top : 0;
            }
            XYSeries s = chart.addSeries("state: " + state.toLowerCase().replace('_', ' '), t, band);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
            Color color = STATE_COLORS.getOrDefault(state, new Color(180, 180, 180, 50));
            s.setFillColor(color);
            s.setLineColor(color); // faint edges, and the legend shows the band's colour
            s.setMarker(SeriesMarkers.NONE);
        }
        double[] derated = new double[idx.length];
        boolean anyDerate = false;
        for (int i = 0; i < idx.length; i++) {
            derated[i] = run.derateLevel(idx[i]) > 0 ? top * 0.08 : 0;
            anyDerate |= derated[i] > 0;
        }
        if (anyDerate) {
            XYSeries d = chart.addSeries("derated by a safety rule", t, derated);
            d.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
            d.setFillColor(new Color(140, 60, 200, 150));
            d.setLineColor(new Color(140, 60, 200, 150));
            d.setMarker(SeriesMarkers.NONE);
        }
        line(chart, "commanded ppm", t, column(run, idx, Column.COMMANDED), new Color(20, 40, 140), 2.2f);
        line(chart, "measured ppm", t, column(run, idx, Column.MEASURED), new Color(240, 120, 0), 1.2f);
        mark(chart, markers, top);
        return chart;
    }

    private static XYChart lowerChart(RunRecord run, int[] idx, double[] t, List<Marker> markers,
                                      List<Reference> references) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(LOWER_HEIGHT)
                .xAxisTitle("time (s)").yAxisTitle("current (A)").build();
        style(chart);
        XYSeries current = line(chart, "current (A)", t, column(run, idx, Column.CURRENT), new Color(0, 130, 80), 1.2f);
        current.setYAxisGroup(0);
        XYSeries temperature = line(chart, "temperature (°C)", t, column(run, idx, Column.TEMPERATURE),
                new Color(200, 30, 30), 2.0f);
        temperature.setYAxisGroup(1);
        for (Reference r : references) {
            XYSeries ref = chart.addSeries(r.label(), new double[] {t.length == 0 ? 0 : t[0], t.length == 0 ? 1 : t[t.length - 1]},
                    new double[] {r.celsius(), r.celsius()});
            ref.setYAxisGroup(1);
            ref.setMarker(SeriesMarkers.NONE);
            ref.setLineColor(new Color(200, 30, 30, 140));
            ref.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        }
        chart.setYAxisGroupTitle(1, "temperature (°C)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(0, 0.0);
        double max = 0;
        for (int i = 0; i < idx.length; i++) {
            max = Math.max(max, run.currentAmps(idx[i]));
        }
        markerLines(chart, markers, Math.max(1, max * 1.1), false);
        return chart;
    }

    private static void style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setAntiAlias(true);
        chart.getStyler().setMarkerSize(0);
    }

    private static XYSeries line(XYChart chart, String name, double[] t, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, t, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(width);
        return s;
    }

    private static void mark(XYChart chart, List<Marker> markers, double top) {
        markerLines(chart, markers, top, true);
        int i = 0;
        for (Marker m : markers) {
            String label = (m.fault() ? "TRIP: " : "") + m.label();
            chart.addAnnotation(new AnnotationText(label, m.seconds(), top * (0.95 - 0.06 * (i++ % 4)), false));
        }
    }

    /** Vertical lines at the markers, as two series broken by NaN gaps: red for trips, grey for the rest. */
    private static void markerLines(XYChart chart, List<Marker> markers, double top, boolean legend) {
        for (boolean fault : new boolean[] {false, true}) {
            List<double[]> points = new ArrayList<>();
            for (Marker m : markers) {
                if (m.fault() == fault) {
                    points.add(new double[] {m.seconds(), 0});
                    points.add(new double[] {m.seconds(), top});
                    points.add(new double[] {m.seconds(), Double.NaN});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            XYSeries s = chart.addSeries((fault ? "trip" : "injection or step") + (legend ? "" : " "), x, y);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(fault ? new Color(210, 0, 0) : new Color(110, 110, 110));
            s.setLineWidth(fault ? 2f : 1f);
            s.setShowInLegend(legend);
        }
    }

    private enum Column { COMMANDED, MEASURED, CURRENT, TEMPERATURE }

    private static double[] column(RunRecord run, int[] idx, Column c) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            int k = idx[i];
            out[i] = switch (c) {
                case COMMANDED -> run.commandedPpm(k);
                case MEASURED -> run.measuredPpm(k);
                case CURRENT -> run.currentAmps(k);
                case TEMPERATURE -> run.temperatureCelsius(k);
            };
        }
        return out;
    }

    /** At most {@link #MAX_POINTS} evenly spaced ticks, the last one included. */
    private static int[] downsample(int n) {
        int step = Math.max(1, (int) Math.ceil(n / (double) MAX_POINTS));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i += step) {
            out.add(i);
        }
        if (n > 0 && out.getLast() != n - 1) {
            out.add(n - 1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
