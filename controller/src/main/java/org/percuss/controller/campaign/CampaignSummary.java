package org.percuss.controller.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign summary as {@code percuss simulate --seeds} and {@code percuss campaign merge} print
 * it, computed from the summary file's header and rows alone (so both print the same text): the
 * sessions that passed and failed; for each scenario, each check's passed, failed and not-applicable
 * counts with the seeds that failed it; and, for each scenario and sweep point, the distribution of
 * the closest approach to every safety limit. Percentiles are nearest-rank: the smallest value
 * with at least p % of the sessions at or below it, so every figure is a value some session had.
 */
public final class CampaignSummary {

    /** The most failing seeds listed for a check; the summary file has them all. */
    static final int SEEDS_SHOWN = 10;

    private CampaignSummary() {
    }

    /** The summary's lines. */
    public static List<String> lines(SummaryFile f) {
        CampaignHeader h = f.header();
        List<SessionRow> rows = f.rows();
        List<String> out = new ArrayList<>();
        long failed = rows.stream().filter(r -> !r.passed()).count();
        out.add(String.format(Locale.ROOT, "campaign %s: %d sessions (%d scenario%s x %s x seeds %s%s), %d passed, %d failed",
                h.id(), rows.size(), h.scenarios().size(), h.scenarios().size() == 1 ? "" : "s", points(h),
                h.seeds(), h.shard().count() == 1 ? "" : ", shard " + h.shard(), rows.size() - failed, failed));
        for (CampaignHeader.ScenarioChecks s : h.scenarios()) {
            List<SessionRow> mine = rows.stream().filter(r -> r.scenario().equals(s.stem())).toList();
            out.add(s.stem() + ": " + s.name() + " (" + mine.size() + " sessions)");
            out.add("  passed  failed     n/a  check");
            for (int c = 0; c < s.checks().size(); c++) {
                int check = c;
                List<SessionRow> failing = mine.stream().filter(r -> r.verdicts().charAt(check) == 'F').toList();
                long na = mine.stream().filter(r -> r.verdicts().charAt(check) == '-').count();
                out.add(String.format(Locale.ROOT, "  %6d  %6d  %6d  %s", mine.size() - failing.size() - na,
                        failing.size(), na, s.checks().get(c)));
                if (!failing.isEmpty()) {
                    out.add("                          failing seeds: " + seeds(failing)
                            + "; reproduce one: percuss simulate " + s.stem() + ".yaml --seed " + failing.get(0).seed()
                            + sweepOptions(failing.get(0).point()));
                }
            }
            Map<String, List<SessionRow>> byPoint = new LinkedHashMap<>();
            mine.forEach(r -> byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<SessionRow>> e : byPoint.entrySet()) {
                out.addAll(approach(e.getKey(), e.getValue(), h.limits()));
            }
        }
        return out;
    }

    private static String points(CampaignHeader h) {
        if (h.sweeps().isEmpty()) {
            return "no sweep";
        }
        long n = 1;
        for (String s : h.sweeps()) {
            n *= s.substring(s.indexOf('=') + 1).split(",").length;
        }
        return n + " sweep point" + (n == 1 ? "" : "s") + " (" + String.join(" ", h.sweeps()) + ")";
    }

    private static String seeds(List<SessionRow> failing) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(SEEDS_SHOWN, failing.size()); i++) {
            SessionRow r = failing.get(i);
            shown.add(r.seed() + (r.point().isEmpty() ? "" : " (" + r.point() + ")"));
        }
        return String.join(", ", shown) + (failing.size() > SEEDS_SHOWN ? " and " + (failing.size() - SEEDS_SHOWN)
                + " more (--summary lists every session)" : "");
    }

    private static String sweepOptions(String point) {
        StringBuilder b = new StringBuilder();
        if (!point.isEmpty()) {
            for (String kv : point.split(" ")) {
                b.append(" --sweep ").append(kv);
            }
        }
        return b.toString();
    }

    /** The closest approach to each limit over {@code rows}, one line each. */
    private static List<String> approach(String point, List<SessionRow> rows, CampaignHeader.Limits l) {
        List<String> out = new ArrayList<>();
        out.add("  closest approach to the limits" + (point.isEmpty() ? "" : " at " + point) + " (" + rows.size()
                + " sessions):");
        double[] temp = rows.stream().mapToDouble(SessionRow::topTemperatureC).sorted().toArray();
        double[] current = rows.stream().mapToDouble(SessionRow::topCurrentA).sorted().toArray();
        double[] supply = rows.stream().mapToDouble(SessionRow::lowestSupplyV).sorted().toArray();
        double[] trips = rows.stream().filter(SessionRow::tripped).mapToDouble(SessionRow::tripSeconds).sorted().toArray();
        out.add(String.format(Locale.ROOT, "    top temperature  p50 %7.1f °C  p95 %7.1f °C  max %7.1f °C  trip %s °C, closest %s",
                pct(temp, 50), pct(temp, 95), last(temp), num(l.tripCelsius()), margin(l.tripCelsius() - last(temp), "°C below")));
        out.add(String.format(Locale.ROOT, "    top current      p50 %7.3f A   p95 %7.3f A   max %7.3f A   trip %s A held %s s; the peak is %s",
                pct(current, 50), pct(current, 95), last(current), num(l.tripAmps()), num(l.tripAmpsSeconds()),
                margin(l.tripAmps() - last(current), "A below")));
        out.add(String.format(Locale.ROOT, "    lowest supply    p50 %7.3f V   p5  %7.3f V   min %7.3f V   trip %s V, closest %s",
                pct(supply, 50), pct(supply, 5), first(supply), num(l.tripVolts()), margin(first(supply) - l.tripVolts(), "V above")));
        Map<String, Integer> faults = new LinkedHashMap<>();
        rows.stream().filter(SessionRow::tripped).map(SessionRow::tripFaults).sorted()
                .forEach(k -> faults.merge(k, 1, Integer::sum));
        StringBuilder which = new StringBuilder();
        faults.forEach((k, n) -> which.append(which.isEmpty() ? "" : ", ").append(k).append(' ').append(n));
        out.add(trips.length == 0
                ? "    trips            none in " + rows.size() + " sessions"
                : String.format(Locale.ROOT, "    trips            %d of %d sessions (%s); time to trip p50 %.2f s  p95 %.2f s  "
                        + "max %.2f s", trips.length, rows.size(), which, pct(trips, 50), pct(trips, 95), last(trips)));
        return out;
    }

    /** The nearest-rank {@code p}-th percentile of {@code sorted} (not empty). */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double last(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    private static double first(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    /** How far from the limit: {@code 37.8 °C below}, or {@code 2.1 °C past it}. */
    private static String margin(double m, String what) {
        String unit = what.substring(0, what.indexOf(' '));
        return m < 0 ? String.format(Locale.ROOT, "%.3g %s past it", -m, unit) : String.format(Locale.ROOT, "%.3g %s", m, what);
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }
}
