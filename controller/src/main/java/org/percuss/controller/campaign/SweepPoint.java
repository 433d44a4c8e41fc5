package org.percuss.controller.campaign;

import java.util.ArrayList;
import java.util.List;
import org.percuss.simulator.scenario.GunSettings;
import org.percuss.simulator.scenario.Scenario;

/**
 * One combination of swept values: {@code pressure_n=20 ambient_c=30}; with no sweep, the one
 * empty point (the scenario as written).
 *
 * @param keys the swept parameters
 * @param values each one's value, as written in {@link Sweep#values()}
 */
public record SweepPoint(List<SweepKey> keys, List<String> values) {

    /** No sweep: the scenario as its file says. */
    public static final SweepPoint NONE = new SweepPoint(List.of(), List.of());

    public SweepPoint {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    /** Every combination of the sweeps' values, the first sweep varying slowest. */
    public static List<SweepPoint> grid(List<Sweep> sweeps) {
        List<SweepPoint> points = new ArrayList<>(List.of(NONE));
        for (Sweep s : sweeps) {
            List<SweepPoint> next = new ArrayList<>();
            for (SweepPoint p : points) {
                for (String v : s.values()) {
                    List<SweepKey> k = new ArrayList<>(p.keys);
                    List<String> x = new ArrayList<>(p.values);
                    k.add(s.key());
                    x.add(v);
                    next.add(new SweepPoint(k, x));
                }
            }
            points = next;
        }
        return points;
    }

    /** {@code s} with these values. */
    public Scenario apply(Scenario s) {
        GunSettings g = s.gun();
        for (int i = 0; i < keys.size(); i++) {
            g = keys.get(i).apply(g, Double.parseDouble(values.get(i)));
        }
        return keys.isEmpty() ? s : s.withGun(g);
    }

    /** {@code pressure_n=20 ambient_c=30}; empty for no sweep. */
    public String label() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i).key() + "=" + values.get(i));
        }
        return String.join(" ", parts);
    }

    /** The options that select this point alone: {@code --sweep pressure_n=20 --sweep ambient_c=30}. */
    public String options() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            b.append(" --sweep ").append(keys.get(i).key()).append('=').append(values.get(i));
        }
        return b.toString();
    }
}
