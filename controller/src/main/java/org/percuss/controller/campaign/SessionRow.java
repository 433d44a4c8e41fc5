package org.percuss.controller.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * One session of a campaign, as a row of the summary CSV: everything the campaign's summary is
 * computed from, so that rows from many machines give the same summary as one machine's run.
 * Numbers are written in Java's shortest round-trip form, so reading a row back gives the same
 * doubles, bit for bit.
 *
 * @param session the session's number in the campaign's order, from 0
 * @param scenario the scenario's name in the campaign (its file's name without {@code .yaml})
 * @param point the swept values ({@code pressure_n=20 ambient_c=30}), empty without a sweep
 * @param seed the seed it ran with
 * @param verdicts one letter per check, in the header's order: {@code P} held, {@code F} failed,
 *        {@code -} not applicable on the transport
 * @param topTemperatureC the highest winding temperature reported on any tick, °C
 * @param topCurrentA the highest motor current reported on any tick, A
 * @param lowestSupplyV the lowest supply voltage reported on any tick, V
 * @param tripSeconds when a fault was first latched (a safety trip or an emergency stop), s; NaN for none
 * @param tripFaults the faults latched then, {@code OVER_TEMPERATURE+STALL}; empty for none
 * @param endState the controller's state on the last tick
 * @param simulatedSeconds how much virtual time the session ran
 */
public record SessionRow(long session, String scenario, String point, long seed, String verdicts,
                         double topTemperatureC, double topCurrentA, double lowestSupplyV, double tripSeconds,
                         String tripFaults, String endState, double simulatedSeconds) {

    /** The CSV's column names, in order. */
    public static final String COLUMNS = "session,scenario,point,seed,passed,verdicts,top_temperature_c,top_current_a,"
            + "lowest_supply_v,trip_s,trip_faults,end_state,simulated_s";

    private static final int FIELDS = 13;

    public SessionRow {
        for (String text : List.of(scenario, point, verdicts, tripFaults, endState)) {
            if (text.indexOf(',') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a field of a summary row may not hold a comma, quote or line break: "
                        + text);
            }
        }
        if (!verdicts.matches("[PF-]*")) {
            throw new IllegalArgumentException("verdicts are P, F or -: " + verdicts);
        }
    }

    /** Whether every check that applies held. */
    public boolean passed() {
        return verdicts.indexOf('F') < 0;
    }

    /** Whether a fault was latched. */
    public boolean tripped() {
        return !Double.isNaN(tripSeconds);
    }

    /** The row, without a line break. */
    public String csv() {
        return session + "," + scenario + "," + point + "," + seed + "," + (passed() ? "yes" : "no") + "," + verdicts + ","
                + topTemperatureC + "," + topCurrentA + "," + lowestSupplyV + ","
                + (tripped() ? Double.toString(tripSeconds) : "") + "," + tripFaults + "," + endState + ","
                + simulatedSeconds;
    }

    /**
     * Reads a row {@link #csv()} wrote.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static SessionRow parse(String line) {
        List<String> f = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                f.add(line.substring(from, i));
                from = i + 1;
            }
        }
        if (f.size() != FIELDS) {
            throw new IllegalArgumentException(f.size() + " fields where a row has " + FIELDS);
        }
        SessionRow r = new SessionRow(whole(f.get(0), "session"), f.get(1), f.get(2), whole(f.get(3), "seed"), f.get(5),
                number(f.get(6), "top_temperature_c"), number(f.get(7), "top_current_a"),
                number(f.get(8), "lowest_supply_v"), f.get(9).isEmpty() ? Double.NaN : number(f.get(9), "trip_s"),
                f.get(10), f.get(11), number(f.get(12), "simulated_s"));
        if (!f.get(4).equals(r.passed() ? "yes" : "no")) {
            throw new IllegalArgumentException("passed is '" + f.get(4) + "' but the verdicts are " + r.verdicts());
        }
        return r;
    }

    private static long whole(String s, String column) {
        if (!s.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(column + " '" + s + "' is not a whole number");
        }
        return Long.parseLong(s);
    }

    private static double number(String s, String column) {
        if (!s.matches("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?|-?Infinity")) {
            throw new IllegalArgumentException(column + " '" + s + "' is not a number");
        }
        return Double.parseDouble(s);
    }
}
