package org.percuss.controller.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/configuration.md's table of the rig's sensor keys must be the loader's, as
 * {@link ConfigDocsTest} holds the main table to it: for each sensor section and chip, the keys the
 * loader knows are the keys documented for that chip; each range is the one the loader refuses a
 * value outside of; each default loads to the same rig as leaving the key out.
 */
class SensorDocsTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `gpio\\.sensors\\.([a-z]+)\\.([a-z_]+)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|$");
    private static final Pattern RANGE = Pattern.compile("^(0x[0-9a-f]+|[0-9.]+)\\.\\.(0x[0-9a-f]+|[0-9.]+)( (?:Ω|°/s|K|V))?$");
    /** Every chip of each section, and the least a section of it must say. */
    private static final Map<String, Map<String, String>> CHIPS = Map.of(
            "current", Map.of("ina219", "chip: ina219"),
            "motion", Map.of("mpu6050", "chip: mpu6050"),
            "temperature", Map.of("ds18b20", "chip: ds18b20\n      id: 28-0316a2795fff", "ads1115-ntc", "chip: ads1115-ntc"));
    /** Limits a 0.1 Ω shunt (the default) can see, so the default current sensor loads. */
    private static final String LIMITS = "current: {derate_amps: 2, trip_amps: 3}\n";

    @TempDir
    static Path dir;

    record Row(String section, String field, String chip, String defaultValue, String allowed) {
        @Override
        public String toString() {
            return "gpio.sensors." + section + "." + field + (chip.isEmpty() ? "" : " (" + chip + ")");
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.add(new Row(m.group(1), m.group(2), m.group(3).strip(), m.group(4).replace("`", "").strip(),
                        m.group(5).replace("`", "").strip()));
            }
        }
        return rows;
    }

    private static String yaml(String section, String chip, String extra) {
        return LIMITS + "gpio:\n  sensors:\n    " + section + ":\n      " + CHIPS.get(section).get(chip) + "\n"
                + (extra.isEmpty() ? "" : "      " + extra + "\n");
    }

    private static ConfigLoader.Result load(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "sensor", ".yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    @Test
    void eachChipsKeysAreTheDocumentedOnes() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
        for (var section : CHIPS.entrySet()) {
            for (String chip : section.getValue().keySet()) {
                List<String> problems = load(yaml(section.getKey(), chip, "not_a_key: 1")).problems().stream()
                        .map(YamlReader.Problem::message).toList();
                Matcher known = Pattern.compile("unknown key \\(known keys here: (.*)\\)").matcher(String.join("\n", problems));
                assertThat(known.find()).as(problems.toString()).isTrue();
                Set<String> documented = new TreeSet<>();
                rows.stream().filter(r -> r.section().equals(section.getKey()) && (r.chip().isEmpty() || r.chip().equals(chip)))
                        .forEach(r -> documented.add(r.field()));
                assertThat(documented).as(section.getKey() + " with " + chip).isEqualTo(new TreeSet<>(List.of(known.group(1)
                        .split(", "))));
            }
        }
    }

    static Stream<Row> withARange() throws IOException {
        return rows().stream().filter(r -> RANGE.matcher(r.allowed()).matches());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withARange")
    void theRangeIsTheOneTheLoaderEnforces(Row row) throws IOException {
        Matcher doc = RANGE.matcher(row.allowed());
        assertThat(doc.matches()).isTrue();
        String far = row.field().equals("address") ? "0x7f" : "99999999";
        if (row.field().equals("address") && doc.group(2).equals("0x7f")) {
            far = "0x7e";
        }
        List<String> problems = load(yaml(row.section(), chip(row), row.field() + ": " + far)).problems().stream()
                .map(YamlReader.Problem::toString).toList();
        assertThat(problems).as(row + " = " + far).singleElement().asString()
                .contains("gpio.sensors." + row.section() + "." + row.field() + ": ")
                .contains(" is outside " + doc.group(1) + ".." + doc.group(2) + (doc.group(3) == null ? "" : doc.group(3)));
    }

    static Stream<Row> withADefault() throws IOException {
        return rows().stream().filter(r -> r.defaultValue().matches("[0-9.x]+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withADefault")
    void theDefaultIsTheOneTheLoaderApplies(Row row) throws IOException {
        ConfigLoader.Result given = load(yaml(row.section(), chip(row), row.field() + ": " + row.defaultValue()));
        ConfigLoader.Result left = load(yaml(row.section(), chip(row), ""));
        assertThat(given.problems()).isEmpty();
        assertThat(left.problems()).isEmpty();
        assertThat(given.config()).as(row + ": " + row.defaultValue()).isEqualTo(left.config());
    }

    private static String chip(Row row) {
        return row.chip().isEmpty() ? CHIPS.get(row.section()).keySet().iterator().next() : row.chip();
    }
}
