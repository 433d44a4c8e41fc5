package org.percuss.controller.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * docs/configuration.md's table of keys must be the program's: the loader is asked, as a user
 * would ask it, which keys it knows (an unknown key's message lists them), what range each takes
 * (a value far outside it is refused with the range), and what each defaults to (a file giving
 * the documented default loads to the same config as an empty file). The doc and the code cannot
 * drift apart without this test failing.
 */
class ConfigDocsTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.A-Z]+)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|$");
    private static final Pattern RANGE = Pattern.compile("([0-9.]+[a-z]*)\\.\\.([0-9.]+[a-z]*)( (?:ppm/s|ppm|°C|A|V|Hz|periods))?");
    private static final Pattern REFUSED = Pattern.compile("is outside ([0-9.]+[a-z]*)\\.\\.([0-9.]+[a-z]*)( \\S+)?$");

    @TempDir
    static Path dir;

    /** One row of the doc's table. */
    record Row(String key, String defaultValue, String allowed) {
        @Override
        public String toString() {
            return key;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.add(new Row(m.group(1), m.group(2).strip(), m.group(3).replace("`", "").strip()));
            }
        }
        return rows;
    }

    /** Rows with a single value to probe: every key but the zone list itself. */
    static Stream<Row> valueRows() throws IOException {
        return rows().stream().filter(r -> !r.key().equals("zones"));
    }

    private static List<String> problems(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "config", ".yaml");
        Files.writeString(file, yaml);
        ConfigLoader.Result result = ConfigLoader.load(file);
        return result.problems().stream().map(YamlReader.Problem::message).toList();
    }

    /** {@code key} (dotted, {@code NAME} for a zone's name) set to {@code value}, as YAML. */
    private static String yaml(String key, String value) {
        String[] parts = key.replace("NAME", "lower-back").split("\\.");
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            y.append("  ".repeat(i)).append(parts[i]).append(':');
            y.append(i == parts.length - 1 ? " " + value + "\n" : "\n");
        }
        return y.toString();
    }

    /** The keys the loader knows, each as the table names it. */
    private static Set<String> keysTheLoaderKnows() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String top : knownKeys(problems("not_a_key: 1\n"))) {
            List<String> inside = knownKeys(problems(top + ":\n  not_a_key: 1\n"));
            if (top.equals("zones")) {
                keys.add("zones");
                knownKeys(problems("zones:\n  neck:\n    not_a_key: 1\n")).forEach(k -> keys.add("zones.NAME." + k));
            } else if (inside.isEmpty()) {
                keys.add(top);
            } else {
                inside.forEach(k -> keys.add(top + "." + k));
            }
        }
        return keys;
    }

    private static List<String> knownKeys(List<String> problems) {
        for (String p : problems) {
            Matcher m = Pattern.compile("unknown key \\(known keys here: (.*)\\)").matcher(p);
            if (m.find()) {
                return List.of(m.group(1).split(", "));
            }
        }
        return List.of();
    }

    @Test
    void theTableListsEveryKeyTheLoaderKnowsAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        rows().forEach(r -> documented.add(r.key()));
        Set<String> known = keysTheLoaderKnows();
        assertThat(known).as("keys found by asking the loader").hasSizeGreaterThan(30);
        assertThat(documented).as("documented, not known to the loader").isSubsetOf(known);
        assertThat(known).as("known to the loader, not documented").isSubsetOf(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueRows")
    void theAllowedRangeIsTheOneTheLoaderEnforces(Row row) throws IOException {
        Matcher doc = RANGE.matcher(row.allowed());
        boolean durations = doc.find() && doc.group(1).matches(".*[a-z]$");
        String far = row.key().equals("levels") ? "[99999999]" : durations ? "9999m" : "99999999";
        Matcher choice = Pattern.compile("([a-z]+) or ([a-z]+)").matcher(row.allowed());
        if (choice.matches()) { // one of two words: each is taken, anything else refused naming both
            assertThat(problems(yaml(row.key(), "sideways"))).singleElement().asString()
                    .startsWith("'sideways' is not ").contains(choice.group(1)).contains(choice.group(2));
            assertThat(problems(yaml(row.key(), choice.group(1)))).isEmpty();
            assertThat(problems(yaml(row.key(), choice.group(2)))).isEmpty();
            return;
        }
        if (row.allowed().startsWith("a mapping")) { // a section of its own, documented in a table of its own
            assertThat(problems(yaml(row.key(), far))).containsExactly("must be a mapping of keys to values, got '" + far + "'");
            return;
        }
        List<String> refused = problems(yaml(row.key(), far));
        assertThat(refused).as("a value far outside is refused").isNotEmpty();
        Matcher code = REFUSED.matcher(refused.getFirst());
        assertThat(code.find()).as(refused.getFirst()).isTrue();
        assertThat(doc.find(0)).as("the allowed column starts with a range: " + row.allowed()).isTrue();
        assertThat(same(doc.group(1), code.group(1))).as("lower bound: doc %s, code %s", doc.group(1), code.group(1)).isTrue();
        assertThat(same(doc.group(2), code.group(2))).as("upper bound: doc %s, code %s", doc.group(2), code.group(2)).isTrue();
        String unit = code.group(3) == null ? "" : code.group(3).strip();
        assertThat(doc.group(3) == null ? "" : doc.group(3).strip()).as("unit").isEqualTo(unit);
        if (row.allowed().contains("or none")) {
            String none = row.key().endsWith("button_pin") // the three buttons go together
                    ? "gpio:\n  power_button_pin: none\n  plus_button_pin: none\n  minus_button_pin: none\n"
                    : yaml(row.key(), "none");
            assertThat(problems(none)).as("none is allowed").isEmpty();
        }
    }

    /** Two bounds are the same: as durations when they are durations, else as numbers. */
    private static boolean same(String doc, String code) {
        if (doc.matches(".*[a-z]$") || code.matches(".*[a-z]$")) {
            return DurationText.parse(doc).equals(DurationText.parse(code));
        }
        return new BigDecimal(doc).compareTo(new BigDecimal(code)) == 0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueRows")
    void theDefaultIsTheOneTheLoaderApplies(Row row) throws IOException {
        String value = row.defaultValue().replace("`", "");
        if (row.key().equals("zones.NAME.max_level")) {
            assertThat(value).isEqualTo("none");
            assertThat(Zones.DEFAULT.find("lower-back").orElseThrow().maxLevel()).as("no maximum").isZero();
            return;
        }
        Path file = Files.createTempFile(dir, "default", ".yaml");
        Files.writeString(file, yaml(row.key(), value));
        ConfigLoader.Result result = ConfigLoader.load(file);
        assertThat(result.problems()).isEmpty();
        if (row.key().startsWith("zones.NAME.")) { // a zones section replaces the default zones: compare the one zone
            assertThat(result.config().zones().find("lower-back")).as("%s: %s is the default", row.key(), value)
                    .isEqualTo(PercussConfig.DEFAULT.zones().find("lower-back"));
        } else {
            assertThat(result.config()).as("%s: %s is the default", row.key(), value).isEqualTo(PercussConfig.DEFAULT);
        }
    }
}
