package org.percuss.controller.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code --trace} CSV read back, with the checks of DESIGN.md's rules over its rows. */
record TraceFile(List<String> header, List<Row> rows) {

    /** One row: the columns the checks need. */
    record Row(double t, String state, int level, int target, int commanded, int measured, String faults) {
    }

    static TraceFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(new Row(Double.parseDouble(f[0]), f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[9]));
        }
        return new TraceFile(List.of(lines.get(0).split(",")), rows);
    }

    Row firstNonZero() {
        return rows.stream().filter(r -> r.commanded() > 0).findFirst().orElseThrow();
    }

    /** Seconds from the first non-zero command to the last tick still at that speed before the first change. */
    double initialHoldSeconds() {
        Row first = firstNonZero();
        double lastAtFirst = first.t();
        for (Row r : rows) {
            if (r.t() < first.t()) {
                continue;
            }
            if (r.commanded() != first.commanded()) {
                break;
            }
            lastAtFirst = r.t();
        }
        return lastAtFirst - first.t();
    }

    /** The largest increase over any window beyond what {@code rate} ppm/s allows in it. */
    double worstRampExcess(double rate) {
        double worst = Double.NEGATIVE_INFINITY;
        double minBase = Double.POSITIVE_INFINITY;
        for (Row r : rows) {
            if (r.commanded() == 0) {
                minBase = Double.POSITIVE_INFINITY;
                continue;
            }
            double base = r.commanded() - rate * r.t();
            worst = Math.max(worst, base - minBase);
            minBase = Math.min(minBase, base);
        }
        return worst;
    }

    /** The fastest rise between two consecutive rows, in ppm per second of trace time. */
    double worstTickRatePpmPerSecond() {
        double worst = 0;
        for (int i = 1; i < rows.size(); i++) {
            double dt = rows.get(i).t() - rows.get(i - 1).t();
            worst = Math.max(worst, (rows.get(i).commanded() - rows.get(i - 1).commanded()) / dt);
        }
        return worst;
    }

    int topCommanded() {
        return rows.stream().mapToInt(Row::commanded).max().orElse(0);
    }

    /** Running time: the ticks with a non-zero command, times the tick period. */
    double runningSeconds(double tickSeconds) {
        return rows.stream().filter(r -> r.commanded() > 0).count() * tickSeconds;
    }

    Row last() {
        return rows.get(rows.size() - 1);
    }
}
