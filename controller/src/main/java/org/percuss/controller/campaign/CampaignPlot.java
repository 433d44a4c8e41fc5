package org.percuss.controller.campaign;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.style.Styler;

/**
 * The campaign's distributions as histograms in one PNG, four panels: each session's top
 * temperature, top current, lowest supply and time to trip, each with its limit in the title; one
 * series per scenario and sweep point (up to {@value #MAX_SERIES}; more are drawn as one). Headless;
 * XChart does the drawing, as for a run's plot.
 */
public final class CampaignPlot {

    private static final int WIDTH = 700;
    private static final int HEIGHT = 420;
    private static final int BINS = 24;
    private static final int MAX_SERIES = 6;

    private CampaignPlot() {
    }

    /** Writes the PNG of {@code f} to {@code png} (which stays open). */
    public static void write(OutputStream png, SummaryFile f) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CampaignHeader.Limits l = f.header().limits();
        Map<String, List<SessionRow>> groups = groups(f);
        BufferedImage image = new BufferedImage(2 * WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(chart("Top temperature, °C (trip " + l.tripCelsius() + " °C)", groups, SessionRow::topTemperatureC), 0, 0, null);
        g.drawImage(chart("Top current, A (trip " + l.tripAmps() + " A)", groups, SessionRow::topCurrentA), WIDTH, 0, null);
        g.drawImage(chart("Lowest supply, V (trip " + l.tripVolts() + " V)", groups, SessionRow::lowestSupplyV), 0, HEIGHT, null);
        g.drawImage(chart("Time to trip, s (sessions that tripped)", groups, SessionRow::tripSeconds), WIDTH, HEIGHT, null);
        g.dispose();
        ImageIO.write(image, "png", png);
    }

    /** The sessions by scenario and sweep point, or all in one when there are too many groups. */
    private static Map<String, List<SessionRow>> groups(SummaryFile f) {
        boolean several = f.header().scenarios().size() > 1;
        Map<String, List<SessionRow>> groups = new LinkedHashMap<>();
        for (SessionRow r : f.rows()) {
            String name = ((several ? r.scenario() + " " : "") + r.point()).strip();
            groups.computeIfAbsent(name.isEmpty() ? "all sessions" : name, k -> new ArrayList<>()).add(r);
        }
        return groups.size() > MAX_SERIES ? Map.of("all sessions", f.rows()) : groups;
    }

    private static BufferedImage chart(String title, Map<String, List<SessionRow>> groups, ToDoubleFunction<SessionRow> value) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle("sessions").build();
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisLabelRotation(45);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<SessionRow> rows : groups.values()) {
            for (SessionRow r : rows) {
                double v = value.applyAsDouble(r);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            chart.setTitle(title + ": none");
            chart.addSeries("none", new double[] {0}, new double[] {0});
            return BitmapEncoder.getBufferedImage(chart);
        }
        if (max - min < 1e-9) {
            min -= 0.5;
            max += 0.5;
        }
        for (Map.Entry<String, List<SessionRow>> e : groups.entrySet()) {
            List<Double> data = new ArrayList<>();
            for (SessionRow r : e.getValue()) {
                double v = value.applyAsDouble(r);
                if (Double.isFinite(v)) {
                    data.add(v);
                }
            }
            if (data.isEmpty()) {
                continue; // a group none of whose sessions has this (no trip at this sweep point)
            }
            Histogram h = new Histogram(data, BINS, min, max);
            chart.addSeries(e.getKey(), h.getxAxisData(), h.getyAxisData());
        }
        return BitmapEncoder.getBufferedImage(chart);
    }
}
