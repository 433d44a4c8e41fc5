package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * The hostile-input suite (issue 10, "keep it so"): option values, configuration and scenario
 * files (valid structures with hostile leaves, and raw bytes) thrown at every command in this JVM,
 * each run held to the {@link Contract}: exit 0..4 only, clear lines, no stack trace, no hang,
 * the motor at zero after an error. Paths in the generated values are kept inside a directory of
 * the try's own. Ledgers are {@code HostileLedgerProperties}; output paths of every kind,
 * {@code OutputPathsTest} and {@code UnprivilegedTest}.
 */
class HostileInputProperties {

    private Path dir;

    @BeforeTry
    void makeDirectory() throws IOException {
        dir = Files.createTempDirectory("percuss-hostile");
    }

    @AfterTry
    void removeDirectory() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- option values --------------------------------------------------------------------------

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789-+.ehmsx@:".toCharArray()).ofMaxLength(24),
                Arbitraries.strings().withCharRange('\u0660', '\u0669').ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().withCharRange('\uff10', '\uff19').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of("", " ", "-1", "0", "1", "3", "2147483648", "-2147483649", "9223372036854775808",
                        "1e309", "NaN", "-0", "Infinity", "0x10", "1_000", "99999999999999h", "2562048h",
                        "99999999999999999999h", "0.000000001s", "1h", "15m", "16m", "59s", "61s", "1m30s",
                        "stall@2562048h", "over-temperature@1s", "stall@", "@1s", "/dev/full", "/dev/null", "/", ".", "..",
                        "\u0000", "a\nb", "x".repeat(100_000), "serial:", "gpio", "neck", "calves", "Neck"));
    }

    @Provide
    Arbitrary<String> runOptions() {
        return Arbitraries.of("--level", "--limit", "--warmup", "--time-scale", "--trace", "--zone", "--ledger", "--config",
                "--device", "--bogus");
    }

    @Property(tries = 40)
    void runKeepsTheContractWhateverAnOptionSays(@ForAll("runOptions") String option, @ForAll("values") String value)
            throws IOException {
        Path trace = dir.resolve("t.csv");
        List<String> args = new ArrayList<>(List.of("run", "--time-scale", "1000", "--limit", "1s", "--trace", trace.toString()));
        set(args, option, option.equals("--device") && value.startsWith("serial:") ? "serial:" : inDir(option, value));
        if (option.equals("--zone") || option.equals("--ledger")) {
            if (!args.contains("--ledger")) {
                args.addAll(List.of("--ledger", dir.resolve("l.jsonl").toString()));
            }
            if (!args.contains("--zone")) {
                args.addAll(List.of("--zone", "arms"));
            }
        }
        CliRun run = Contract.run(args.toArray(String[]::new));
        if (!option.equals("--trace")) {
            Contract.motorStoppedAfterTheError(run, trace);
        }
    }

    @Provide
    Arbitrary<String> simulateOptions() {
        return Arbitraries.of("--seed", "--trace", "--plot", "--config");
    }

    @Property(tries = 15)
    void simulateKeepsTheContractWhateverAnOptionSays(@ForAll("simulateOptions") String option, @ForAll("values") String value)
            throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SHORT);
        List<String> args = new ArrayList<>(List.of("simulate", scenario.toString()));
        set(args, option, inDir(option, value));
        Contract.run(args.toArray(String[]::new));
        assertThat(Files.readString(scenario)).as("the scenario file is never written over").isEqualTo(SHORT);
    }

    @Provide
    Arbitrary<String> boardOptions() {
        return Arbitraries.of("--baud", "--noise", "--fault", "--estop-at");
    }

    @Property(tries = 30)
    void boardChecksEveryOptionBeforeOpeningItsPort(@ForAll("boardOptions") String option, @ForAll("values") String value) {
        // the port does not exist: a run that gets past the options ends there, exit 3
        List<String> args = new ArrayList<>(List.of("board", "--port", dir.resolve("no-such-port").toString()));
        set(args, option, value);
        CliRun run = Contract.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).isIn(2, 3);
    }

    @Property(tries = 15)
    void usageAndConfigCheckKeepTheContract(@ForAll("values") String value) {
        Contract.run("usage", "--ledger", inDir("--ledger", value));
        Contract.run("usage", "--config", inDir("--config", value), "--ledger", dir.resolve("l.jsonl").toString());
        Contract.run("config", "check", inDir("--config", value));
    }

    // ---- configuration and scenario files --------------------------------------------------------

    static final String SHORT = """
            session: {level: 2, limit: 20s}
            run_for: 25s
            steps:
              - {at: 15s, name: press, pressure_n: 12}
            expect:
              - {at: 5s, state: WARM_UP, commanded_ppm: 1200}
              - {at: 16s, commanded_ppm: 1700}
            """;

    private static final List<String> CONFIG_SHAPES = List.of("levels: [%s]", "levels: [1200, %s]", "warmup: %s",
            "ramp_ppm_per_second: %s", "session_limit: %s", "zones:\n  calves:\n    budget: %s",
            "zones:\n  calves:\n    max_level: %s", "zones:\n  %s:\n    budget: 5m", "zones: %s",
            "current:\n  derate_amps: %s", "current:\n  trip_after: %s", "stall:\n  fraction: %s",
            "temperature:\n  derate_from_c: %s", "temperature:\n  trip_c: %s", "supply:\n  trip_volts: %s",
            "keep_moving:\n  warn_after: %s", "stale_telemetry_periods: %s", "gpio:\n  tach_pin: %s",
            "gpio:\n  watchdog: %s", "gpio:\n  emergency_stop_active: %s", "%s: 1", "%s");

    private static final List<String> SCENARIO_SHAPES = List.of("name: %s", "seed: %s", "gun:\n  ambient_c: %s",
            "gun:\n  pressure_n: %s", "gun:\n  moving: %s", "session:\n  level: %s\n  limit: 20s",
            "session:\n  warmup: %s\n  limit: 20s", "session:\n  zone: %s\n  limit: 20s",
            "session:\n  zone: neck\n  zone_used: %s\n  limit: 20s", "steps:\n  - {at: %s, inject: stall}",
            "steps:\n  - {at: 1s, inject: %s}", "steps:\n  - {at: 1s, level: %s}", "steps:\n  - {at: 1s, press: %s}",
            "steps:\n  - {at: 1s, inject: stall, for: %s}", "expect:\n  - {at: %s, state: RUNNING}",
            "expect:\n  - {after: %s, within: 1s, state: RUNNING}", "expect:\n  - {at: 5s, commanded_ppm: %s}",
            "expect:\n  - {at: 5s, state: %s}", "invariants:\n  max_ppm: %s", "%s");

    @Provide
    Arbitrary<String> leaves() {
        return Arbitraries.oneOf(values().filter(v -> v.length() < 1000 && !v.matches("\\d+h|\\d+m.*")),
                Arbitraries.of("[1, 2]", "{a: 1}", "!!binary AAAA", "*x", "&x 1", "~", "null", "''", "\"\"", ".inf",
                        "-.inf", ".nan", "0o17", "1e999", "\"３\"", "? complex", "|\n  block", "'" + "x".repeat(5000) + "'",
                        "!!python/object:os.system ls", "[" + "[".repeat(2000), "{" + "a: {".repeat(500), "1200", "3600",
                        "20s", "250ms"));
    }

    @Provide
    Arbitrary<String> configs() {
        return Arbitraries.of(CONFIG_SHAPES).flatMap(shape -> leaves().map(leaf -> shape.formatted(leaf)));
    }

    @Property(tries = 40)
    void aConfigWithAHostileLeafIsCheckedOrRefusedInClearLines(@ForAll("configs") String yaml) throws IOException {
        Path file = Files.write(dir.resolve("c.yaml"), yaml.getBytes(StandardCharsets.UTF_8)); // a lone surrogate as ?
        CliRun check = Contract.run("config", "check", file.toString());
        assertThat(check.exitCode()).as(yaml).isIn(0, 2);
        if (check.exitCode() == 2) {
            assertThat(check.err().lines()).as(yaml).allSatisfy(l -> assertThat(l).startsWith(file.toString()));
        } else {
            Path trace = dir.resolve("t.csv");
            CliRun run = Contract.run("run", "--config", file.toString(), "--time-scale", "1000", "--limit", "1s", "--trace",
                    trace.toString());
            Contract.motorStoppedAfterTheError(run, trace);
        }
    }

    @Provide
    Arbitrary<String> scenarios() {
        return Arbitraries.of(SCENARIO_SHAPES).flatMap(shape -> leaves().map(leaf -> "run_for: 25s\n" + shape.formatted(leaf)));
    }

    @Property(tries = 25)
    void aScenarioWithAHostileLeafRunsOrIsRefusedInClearLines(@ForAll("scenarios") String yaml) throws IOException {
        Path file = Files.write(dir.resolve("s.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        CliRun run = Contract.run("simulate", file.toString());
        assertThat(run.exitCode()).as(yaml).isIn(0, 1, 2);
    }

    @Property(tries = 25)
    void rawBytesAreNeverMoreThanAFileToRefuse(@ForAll byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("raw.yaml"), bytes);
        assertThat(Contract.run("config", "check", file.toString()).exitCode()).isIn(0, 2);
        assertThat(Contract.run("simulate", file.toString()).exitCode()).isIn(0, 1, 2);
        Path text = Files.writeString(dir.resolve("text.yaml"), new String(bytes, StandardCharsets.ISO_8859_1));
        assertThat(Contract.run("config", "check", text.toString()).exitCode()).isIn(0, 2);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A path option's relative value is put inside the try's directory, so nothing lands in the build's. */
    private String inDir(String option, String value) {
        boolean path = List.of("--trace", "--ledger", "--config", "--plot").contains(option);
        return path && !value.isEmpty() && !value.startsWith("/") ? dir + "/" + value : value;
    }

    /** Sets {@code option} to {@code value} in {@code args}, replacing a value already there. */
    private static void set(List<String> args, String option, String value) {
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.add(option);
            args.add(value);
        }
    }
}
