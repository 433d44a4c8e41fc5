package org.percuss.controller.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign is, written at the top of its summary CSV as {@code #} lines: its identity (a
 * hash of the scenario files, the configuration and the options, so shards of one campaign are
 * known apart from any other's), the shard, the seeds and sweeps, the limits the closest approaches
 * are measured against, and each scenario's checks in the order of a row's verdicts. Everything a
 * summary needs besides the rows, so that {@code percuss campaign merge} can print it from the
 * files alone.
 *
 * @param id the campaign's identity, 12 hex digits
 * @param shard which share of the sessions the rows are
 * @param sessions how many sessions the whole campaign has, over all its shards
 * @param seeds the seeds
 * @param sweeps the sweeps as given ({@code pressure_n=10,20}), empty for none
 * @param limits the safety limits the closest approaches are measured against
 * @param scenarios the scenarios, in the campaign's order
 */
public record CampaignHeader(String id, Shard shard, long sessions, SeedRange seeds, List<String> sweeps, Limits limits,
                             List<ScenarioChecks> scenarios) {

    /** The first line of every summary. */
    public static final String MAGIC = "# percuss campaign summary 1";

    /**
     * The limits of the configuration the campaign ran with.
     *
     * @param tripCelsius the thermal trip
     * @param tripAmps the over-current trip
     * @param tripAmpsSeconds how long the current must stay above {@code tripAmps} to trip
     * @param tripVolts the under-voltage trip
     */
    public record Limits(double tripCelsius, double tripAmps, double tripAmpsSeconds, double tripVolts) {
    }

    /**
     * A scenario of the campaign.
     *
     * @param stem its name in the rows (its file's name without {@code .yaml}; no spaces or commas)
     * @param name its title
     * @param checks what each verdict letter of its rows judged: its expectations, then the invariants
     */
    public record ScenarioChecks(String stem, String name, List<String> checks) {
        public ScenarioChecks {
            checks = List.copyOf(checks);
        }
    }

    public CampaignHeader {
        sweeps = List.copyOf(sweeps);
        scenarios = List.copyOf(scenarios);
    }

    /** The same campaign, another shard (a merge writes the whole campaign: 1/1). */
    public CampaignHeader withShard(Shard other) {
        return new CampaignHeader(id, other, sessions, seeds, sweeps, limits, scenarios);
    }

    /** The scenario named {@code stem}, or null. */
    public ScenarioChecks scenario(String stem) {
        for (ScenarioChecks s : scenarios) {
            if (s.stem().equals(stem)) {
                return s;
            }
        }
        return null;
    }

    /** The header's lines, each without its line break; the last is the CSV's column names. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(MAGIC);
        out.add("# campaign " + id);
        out.add("# shard " + shard);
        out.add("# sessions " + sessions);
        out.add("# seeds " + seeds);
        sweeps.forEach(s -> out.add("# sweep " + s));
        out.add("# limit temperature_c " + limits.tripCelsius());
        out.add("# limit current_a " + limits.tripAmps());
        out.add("# limit current_for_s " + limits.tripAmpsSeconds());
        out.add("# limit supply_v " + limits.tripVolts());
        for (ScenarioChecks s : scenarios) {
            out.add("# scenario " + s.stem() + " " + oneLine(s.name()));
            s.checks().forEach(c -> out.add("# check " + s.stem() + " " + oneLine(c)));
        }
        out.add(SessionRow.COLUMNS);
        return out;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    /**
     * Reads a header from {@code lines}, from the first, and says how many lines it took.
     *
     * @throws IllegalArgumentException naming the line that is not what a header has there
     */
    public static Read parse(List<String> lines) {
        Cursor c = new Cursor(lines);
        if (!c.peek().equals(MAGIC)) {
            throw new IllegalArgumentException("not a percuss campaign summary (its first line is not '" + MAGIC + "')");
        }
        c.next();
        String id = c.value("# campaign ");
        if (!id.matches("[0-9a-f]{12}")) {
            throw c.wrong("a campaign id of 12 hex digits");
        }
        Shard shard;
        try {
            shard = Shard.parse(c.value("# shard "));
        } catch (CampaignProblem e) {
            throw c.wrong("a shard K/N");
        }
        long sessions;
        SeedRange seeds;
        try {
            sessions = Long.parseLong(c.value("# sessions "));
            seeds = SeedRange.parse(c.value("# seeds "));
        } catch (NumberFormatException | CampaignProblem e) {
            throw new IllegalArgumentException("line " + c.at + ": " + e.getMessage());
        }
        List<String> sweeps = new ArrayList<>();
        while (c.peek().startsWith("# sweep ")) {
            sweeps.add(c.value("# sweep "));
        }
        Limits limits = new Limits(c.number("# limit temperature_c "), c.number("# limit current_a "),
                c.number("# limit current_for_s "), c.number("# limit supply_v "));
        List<ScenarioChecks> scenarios = new ArrayList<>();
        while (c.peek().startsWith("# scenario ")) {
            String[] stemName = c.value("# scenario ").split(" ", 2);
            String stem = stemName[0];
            List<String> checks = new ArrayList<>();
            while (c.peek().startsWith("# check " + stem + " ")) {
                checks.add(c.value("# check " + stem + " "));
            }
            scenarios.add(new ScenarioChecks(stem, stemName.length > 1 ? stemName[1] : "", checks));
        }
        if (scenarios.isEmpty()) {
            throw c.wrong("'# scenario ...'");
        }
        if (!c.peek().equals(SessionRow.COLUMNS)) {
            throw c.wrong("the column names '" + SessionRow.COLUMNS + "'");
        }
        c.next();
        return new Read(new CampaignHeader(id, shard, sessions, seeds, sweeps, limits, scenarios), c.at);
    }

    /**
     * A header read, and where its rows start.
     *
     * @param header the header
     * @param lines how many lines it took, the column names included
     */
    public record Read(CampaignHeader header, int lines) {
    }

    private static final class Cursor {
        private final List<String> lines;
        private int at;

        Cursor(List<String> lines) {
            this.lines = lines;
        }

        String peek() {
            return at < lines.size() ? lines.get(at) : "";
        }

        void next() {
            at++;
        }

        String value(String prefix) {
            String line = peek();
            if (!line.startsWith(prefix)) {
                throw wrong("'" + prefix.strip() + " ...'");
            }
            at++;
            return line.substring(prefix.length());
        }

        double number(String prefix) {
            String v = value(prefix);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                at--;
                throw wrong("a number after '" + prefix.strip() + "'");
            }
        }

        IllegalArgumentException wrong(String wanted) {
            return new IllegalArgumentException("line " + (at + 1) + ": " + (at < lines.size() ? "" : "the file ends; ")
                    + "a summary's header has " + wanted + " there");
        }
    }
}
