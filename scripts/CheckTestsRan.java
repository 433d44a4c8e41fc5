import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when a test class under a module's src/test/java did not run: a class whose name
 * Surefire's patterns skip proves nothing (issue 11: the 10,000 random sessions of
 * SafetyInvariantsProperties never ran). Compares the classes that declare tests (JUnit, jqwik,
 * ArchUnit annotations) with the reports Surefire wrote. Run by the build after the tests, with
 * Maven's own Java as a single-file program:
 *
 *   java scripts/CheckTestsRan.java MODULE_DIR [TEST_FILTER [TEST_SKIP [SOURCES]]]
 *
 * A TEST_FILTER (Surefire's -Dtest) means only some classes were asked for: nothing is checked.
 * SOURCES, relative to the module, is where the test classes are (src/test/java unless given; the
 * browser profile's are in src/browser/java).
 */
public final class CheckTestsRan {

    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "^\\s*@(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|ArchTest)\\b",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args[0]);
        String filter = args.length > 1 ? args[1].strip() : "";
        if (args.length > 2 && args[2].strip().equals("true")) {
            return; // -Dmaven.test.skip: the tests were not even compiled
        }
        if (!filter.isEmpty() && !filter.startsWith("${")) {
            System.out.println("tests-ran: skipped, only " + filter + " was asked for");
            return;
        }
        Path sources = module.resolve(args.length > 3 ? args[3] : "src/test/java");
        Path reports = module.resolve("target/surefire-reports");
        if (!Files.isDirectory(sources)) {
            return;
        }
        List<String> reported = new ArrayList<>();
        if (Files.isDirectory(reports)) {
            try (Stream<Path> s = Files.list(reports)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("TEST-") && n.endsWith(".xml"))
                        .map(n -> n.substring(5, n.length() - 4)).forEach(reported::add);
            }
        }
        List<String> missing = new ArrayList<>();
        int declared = 0;
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (!TEST_ANNOTATION.matcher(text).find()) {
                    continue;
                }
                declared++;
                Matcher pkg = PACKAGE.matcher(text);
                String name = f.getFileName().toString().replace(".java", "");
                String fqcn = pkg.find() ? pkg.group(1) + "." + name : name;
                boolean ran = reported.stream().anyMatch(r -> r.equals(fqcn) || r.startsWith(fqcn + "$"));
                if (!ran) {
                    missing.add(fqcn);
                }
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("tests-ran: " + missing.size() + " test class(es) under " + sources
                    + " did not run (check Surefire's includes): " + String.join(", ", missing));
            System.exit(1);
        }
        System.out.println("tests-ran: all " + declared + " test classes of " + module.getFileName() + " ran");
    }
}
