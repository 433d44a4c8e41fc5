package org.percuss.controller.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.percuss.controller.cli.Percuss;
import org.percuss.controller.conformance.SimulatedUno;
import org.percuss.controller.e2e.BoardProcess;
import picocli.CommandLine;

/**
 * Every shell and YAML example in README.md and docs/*.md runs, as a reader would paste it, from
 * the repository root, in order, page by page:
 * <ul>
 *   <li>{@code ./percuss ARGS} (also written {@code percuss ARGS}, or {@code java -jar percuss.jar
 *       ARGS} on a Pi) runs percuss in this JVM and must exit 0, and {@code simulate} must report no
 *       FAIL. {@code percuss board} starts the emulated board as its own process, as in a second
 *       terminal; the commands after it talk to it, and at the end of the page it is stopped as
 *       Ctrl-C would stop it, and must print its summary.</li>
 *   <li>{@code cp} copies (the docs use it to start a config from the example).</li>
 *   <li>{@code ./mvnw -B -ntp verify}, the README's test command, is not run from inside the tests
 *       it runs; {@code .ci/run} must run exactly it.</li>
 *   <li>{@code ./mvnw -B -ntp -Pmutation verify -DskipTests}, the mutation tier (README, "Test
 *       tiers"), takes minutes, so it is not run here either; {@code .ci/run} must run exactly it.</li>
 *   <li>A YAML block is a scenario ({@code simulate} must pass it) or a config ({@code config check}
 *       must accept it); {@code <!-- file: NAME -->} above it saves it as NAME for the commands
 *       after it.</li>
 *   <li>{@code <!-- hardware: exit 3 -->} above a block marks commands that need a board on a
 *       serial port or a Raspberry Pi: without one they must end with exit 3 and a line naming
 *       the port (or {@code gpio}); {@code percuss doctor}, with its line naming the missing GPIO
 *       chip.</li>
 *   <li>{@code <!-- tier: firmware -->} above a block marks commands that need gcc-avr and simavr
 *       (README, "Test tiers"): they run in the firmware tier, in {@link FirmwareTier}, not here.
 *       There {@code make -C firmware TARGETS} must succeed, {@code firmware/run-sim} starts the
 *       emulated Uno (as in a second terminal; the {@code serial:/dev/pts/N} of the commands after
 *       it is the path it printed), and {@code ./mvnw -B -ntp -Pfirmware verify} is not run from
 *       inside the tier it runs; {@code .ci/run} must run exactly it.</li>
 *   <li>{@code ./mvnw -B -ntp -Pbrowser verify}, the browser tier (it needs Chromium), is not run
 *       here either; {@code .ci/run} must run exactly it.</li>
 * </ul>
 * Paths under {@code /tmp/} land in a scratch folder of the test's own, relative paths are read
 * from the repository root. So the tests take seconds, not minutes, simulated time runs at
 * {@code --time-scale 1000} and a real-time session on a serial device is cut to 3 s: the same
 * code paths, shorter. Such a session also waits a second for telemetry rather than 100 ms (a
 * config with {@code stale_telemetry_periods: 50}): on two cores shared with other builds a report
 * can come late, and that rule has tests of its own.
 */
class DocExamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern LISTENING = Pattern.compile("board: listening on (\\S+).* \u2014 run: percuss run --device serial:(\\S+)");
    private static final Pattern SUMMARY = Pattern.compile("board: stopped; [0-9]+ commands served, [0-9]+ bad frames dropped");
    private static final String TEST_COMMAND = "./mvnw -B -ntp verify";
    private static final String FIRMWARE_TIER = "tier: firmware";
    private static final String FIRMWARE_COMMAND = "./mvnw -B -ntp -Pfirmware verify";
    private static final String BROWSER_COMMAND = "./mvnw -B -ntp -Pbrowser verify";
    private static final String MUTATION_COMMAND = "./mvnw -B -ntp -Pmutation verify -DskipTests";

    @TempDir
    Path scratch;

    private final List<BoardProcess> boards = new ArrayList<>();
    private SimulatedUno uno;

    @AfterEach
    void stopLeftoverBoards() {
        boards.forEach(BoardProcess::kill);
        if (uno != null) {
            uno.close();
            uno = null;
        }
    }

    /** A fenced block of a page: where it is, its language, the marker above it, its text. */
    record Block(Path page, int line, String language, String marker, String text) {
        String where() {
            return ROOT.relativize(page) + ":" + line;
        }
    }

    static Stream<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages.stream();
    }

    static List<Block> blocks(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            int j = i + 1;
            StringBuilder text = new StringBuilder();
            while (j < lines.size() && !FENCE.matcher(lines.get(j)).matches()) {
                String l = lines.get(j);
                text.append(l.startsWith(indent) ? l.substring(indent.length()) : l.strip()).append('\n');
                j++;
            }
            String marker = null;
            int above = i - 1;
            while (above >= 0 && lines.get(above).isBlank()) {
                above--;
            }
            if (above >= 0) {
                Matcher m = MARKER.matcher(lines.get(above));
                if (m.matches()) {
                    marker = m.group(1);
                }
            }
            blocks.add(new Block(page, i + 1, open.group(2), marker, text.toString()));
            i = j;
        }
        return blocks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyExampleOnThePageRuns(Path page) throws Exception {
        runPage(page, false);
    }

    /** The examples marked {@code <!-- tier: firmware -->}: they need gcc-avr and simavr. */
    @Nested
    @Tag("firmware")
    class FirmwareTier {
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.percuss.controller.docs.DocExamplesTest#pages")
        void everyFirmwareExampleOnThePageRuns(Path page) throws Exception {
            runPage(page, true);
        }
    }

    /** Runs the page's examples: those of the firmware tier, or all the others. */
    private void runPage(Path page, boolean firmwareTier) throws Exception {
        for (Block block : blocks(page)) {
            if (block.marker() != null && !block.marker().equals("hardware: exit 3") && !block.marker().startsWith("file: ")
                    && !block.marker().equals(FIRMWARE_TIER)) {
                fail(block.where() + ": unknown marker <!-- " + block.marker() + " -->");
            }
            if (FIRMWARE_TIER.equals(block.marker()) != firmwareTier) {
                continue;
            }
            switch (block.language()) {
                case "sh" -> {
                    for (String command : commands(block.text())) {
                        run(block, command);
                    }
                }
                case "yaml" -> yaml(block);
                default -> {
                    // output shown to the reader, not a command
                }
            }
        }
        for (BoardProcess board : boards) {
            assertThat(board.stop()).as(page + ": the board, stopped as Ctrl-C stops it").isZero();
            board.awaitLine(SUMMARY, Duration.ofSeconds(10));
        }
        boards.clear();
        if (uno != null) {
            uno.close();
            uno = null;
        }
    }

    @Test
    void thePagesHaveExamplesToRun() throws IOException {
        long commands = 0;
        for (Path page : pages().toList()) {
            for (Block b : blocks(page)) {
                commands += b.language().equals("sh") ? commands(b.text()).size() : b.language().equals("yaml") ? 1 : 0;
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(20);
    }

    /** The block's commands: continuation lines joined, comments and blank lines dropped. */
    static List<String> commands(String text) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.replaceAll("\\s+#.*$", "").replaceAll("^#.*$", "").strip();
            if (l.endsWith("\\")) {
                current.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            current.append(l);
            if (!current.toString().isBlank()) {
                commands.add(current.toString().strip());
            }
            current.setLength(0);
        }
        return commands;
    }

    private void run(Block block, String command) throws Exception {
        List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
        if (command.equals(TEST_COMMAND)) {
            assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run runs the README's test command exactly")
                    .contains(TEST_COMMAND);
            return;
        }
        if (command.equals(BROWSER_COMMAND)) {
            assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run runs the browser tier's command exactly")
                    .contains(BROWSER_COMMAND);
            return;
        }
        if (command.equals(FIRMWARE_COMMAND)) {
            assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run runs the firmware tier's command exactly")
                    .contains(FIRMWARE_COMMAND);
            return;
        }
        if (command.equals(MUTATION_COMMAND)) {
            assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run runs the mutation tier's command exactly")
                    .contains(MUTATION_COMMAND);
            return;
        }
        if (words.size() >= 3 && words.get(0).equals("make") && words.get(1).equals("-C") && words.get(2).equals("firmware")) {
            make(block, command, words.subList(3, words.size()));
            return;
        }
        if (words.getFirst().equals("firmware/run-sim")) {
            assertThat(words).as(block.where() + ": run-sim's options are not run here: " + command).hasSize(1);
            if (uno != null) {
                uno.close();
            }
            uno = SimulatedUno.start(false, scratch.resolve("run-sim.log"));
            return;
        }
        if (words.getFirst().equals("cp") && words.size() == 3) {
            Files.copy(path(words.get(1)), path(words.get(2)), StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        List<String> args;
        if (words.getFirst().equals("./percuss") || words.getFirst().equals("percuss")) {
            args = words.subList(1, words.size());
        } else if (words.size() > 2 && words.get(0).equals("java") && words.get(1).equals("-jar")
                && words.get(2).endsWith("percuss.jar")) {
            args = words.subList(3, words.size());
        } else {
            fail(block.where() + ": DocExamplesTest does not know how to run: " + command);
            return;
        }
        List<String> rewritten = rewrite(args);
        boolean hardware = "hardware: exit 3".equals(block.marker());
        if (rewritten.getFirst().equals("board") && !hardware) {
            startBoard(block, command, rewritten);
            return;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Percuss.commandLine(new Percuss());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(rewritten.toArray(String[]::new));
        String shown = block.where() + ": " + command + "\n  ran as: percuss " + String.join(" ", rewritten)
                + "\n  exit " + code + "\n" + out + err;
        if (hardware && rewritten.getFirst().equals("doctor")) {
            // doctor checks the machine for a rig: where there is no Pi, it names the missing GPIO chip
            assertThat(code).as(shown).isEqualTo(3);
            assertThat(out.toString()).as(shown).contains("problem  gpio chip: ");
        } else if (hardware) {
            assertThat(code).as(shown).isEqualTo(3);
            assertThat(err.toString()).as(shown).contains(device(rewritten));
        } else {
            assertThat(code).as(shown).isZero();
            assertThat(out.toString()).as(shown).doesNotContain("FAIL");
        }
    }

    private static void make(Block block, String command, List<String> targets) throws Exception {
        List<String> make = new ArrayList<>(List.of("make", "-C", ROOT.resolve("firmware").toString()));
        make.addAll(targets);
        Process p = new ProcessBuilder(make).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(block.where() + ": " + command + "\n" + output).isZero();
    }

    /** What a hardware command's error must name: the serial port, or gpio. */
    private static String device(List<String> args) {
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--device")) {
                return args.get(i + 1).equals("gpio") ? "gpio:" : args.get(i + 1);
            }
            if (args.get(i).equals("--port")) {
                return "serial:" + args.get(i + 1);
            }
        }
        throw new AssertionError("a hardware command names no device: " + args);
    }

    private void startBoard(Block block, String command, List<String> args) throws Exception {
        for (BoardProcess earlier : boards) { // one board at a time, as the pages say
            assertThat(earlier.stop()).isZero();
            earlier.awaitLine(SUMMARY, Duration.ofSeconds(10));
        }
        boards.clear();
        BoardProcess board = BoardProcess.start(args.subList(1, args.size()).toArray(String[]::new));
        boards.add(board);
        Matcher where = board.awaitLine(LISTENING, Duration.ofSeconds(30));
        assertThat(Path.of(where.group(2))).as(block.where() + ": " + command).exists();
    }

    private void yaml(Block block) throws Exception {
        Path file;
        if (block.marker() != null && block.marker().startsWith("file: ")) {
            file = scratch.resolve(block.marker().substring("file: ".length()));
        } else {
            file = scratch.resolve("example-" + block.line() + ".yaml");
        }
        Files.writeString(file, block.text());
        boolean scenario = Pattern.compile("(?m)^(steps|expect|invariants|session|gun|run_for):").matcher(block.text()).find();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Percuss.commandLine(new Percuss());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = scenario ? cl.execute("simulate", file.toString()) : cl.execute("config", "check", file.toString());
        assertThat(code).as(block.where() + ": the YAML example, " + (scenario ? "simulated" : "checked") + "\n" + out + err)
                .isZero();
        if (scenario) {
            assertThat(out.toString()).contains("PASS").doesNotContain("FAIL");
        }
    }

    /** The arguments as they run here: paths into the scratch folder or the repository, and faster. */
    private List<String> rewrite(List<String> args) throws IOException {
        List<String> out = new ArrayList<>();
        boolean realTime = args.contains("run") && args.stream().anyMatch(a -> a.startsWith("serial:"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String previous = i > 0 ? args.get(i - 1) : "";
            if (previous.equals("--time-scale")) {
                out.add("1000");
            } else if (previous.equals("--shard")) {
                out.add(a); // K/N, not a path
            } else if (previous.equals("--limit") && realTime) {
                out.add("3s");
            } else if (a.startsWith("serial:/dev/pts/") && uno != null) {
                out.add("serial:" + uno.path()); // the path firmware/run-sim printed
            } else if (a.startsWith("serial:")) {
                out.add("serial:" + path(a.substring("serial:".length())));
            } else if (a.contains("*")) {
                out.addAll(glob(a));
            } else if (a.startsWith("/tmp/") || a.contains("/") && !a.startsWith("/") || a.endsWith(".yaml")) {
                out.add(path(a).toString());
            } else {
                out.add(a);
            }
        }
        if (realTime && !args.contains("--config")) {
            out.add("--config");
            out.add(Files.writeString(scratch.resolve("patient.yaml"), "stale_telemetry_periods: 50\n").toString());
        }
        return out;
    }

    /** A path as a reader's shell at the repository root sees it, with /tmp being the scratch folder. */
    private Path path(String p) {
        if (p.startsWith("/tmp/")) {
            return scratch.resolve(p.substring("/tmp/".length()));
        }
        if (p.startsWith("/")) {
            return Path.of(p);
        }
        Path inScratch = scratch.resolve(p);
        return Files.exists(inScratch) ? inScratch : ROOT.resolve(p);
    }

    private static List<String> glob(String pattern) throws IOException {
        Path folder = ROOT.resolve(pattern).getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + ROOT.resolve(pattern));
        try (Stream<Path> files = Files.list(folder)) {
            List<String> matches = files.filter(matcher::matches).map(Path::toString).sorted().toList();
            assertThat(matches).as(pattern).isNotEmpty();
            return matches;
        }
    }
}
