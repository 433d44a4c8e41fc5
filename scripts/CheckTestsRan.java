import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 *   java scripts/CheckTestsRan.java MODULE_DIR [TEST_FILTER [SKIP [GROUPS [EXCLUDED_GROUPS [SOURCES]]]]]
 *
 * A TEST_FILTER (Surefire's -Dtest) means only some classes were asked for: nothing is checked.
 * GROUPS and EXCLUDED_GROUPS are Surefire's (the test tiers of the root pom): a class tagged out of
 * this run (@Tag above its declaration) is not expected to have run; a tagged nested class is not
 * checked. An abstract test class runs through its subclasses,
 * which count as test classes themselves. SOURCES, relative to the module, is where the test
 * classes are (src/test/java unless given; the browser profile's are in src/browser/java).
 */
public final class CheckTestsRan {

    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "^\\s*@(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|ArchTest)\\b",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TAG = Pattern.compile("@Tag\\(\"([^\"]+)\"\\)");
    private static final Pattern ABSTRACT = Pattern.compile("^\\s*(public\\s+)?abstract\\s+class\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+\\w+\\s+extends\\s+(\\w+)");

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
        Path sources = module.resolve(args.length > 5 && !args[5].isBlank() ? args[5] : "src/test/java");
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
        Set<String> groups = tags(args, 3);
        Set<String> excluded = tags(args, 4);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Set<String> abstractTests = new HashSet<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher a = ABSTRACT.matcher(text);
            if (a.find() && TEST_ANNOTATION.matcher(text).find()) {
                abstractTests.add(a.group(2));
            }
        }
        List<String> missing = new ArrayList<>();
        int declared = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher ext = EXTENDS.matcher(text);
            boolean inherits = ext.find() && abstractTests.contains(ext.group(1));
            if (!TEST_ANNOTATION.matcher(text).find() && !inherits || ABSTRACT.matcher(text).find()) {
                continue;
            }
            // the class's own tags: those before its declaration (a nested class's are its own business)
            String name = f.getFileName().toString().replace(".java", "");
            Matcher declaration = Pattern.compile("\\bclass\\s+" + name + "\\b").matcher(text);
            String head = declaration.find() ? text.substring(0, declaration.start()) : text;
            Set<String> tags = new HashSet<>();
            for (Matcher t = TAG.matcher(head); t.find(); ) {
                tags.add(t.group(1));
            }
            if (!groups.isEmpty() && tags.stream().noneMatch(groups::contains)
                    || tags.stream().anyMatch(excluded::contains)) {
                continue; // tagged out of this run: another tier runs it
            }
            declared++;
            Matcher pkg = PACKAGE.matcher(text);
            String fqcn = pkg.find() ? pkg.group(1) + "." + name : name;
            boolean ran = reported.stream().anyMatch(r -> r.equals(fqcn) || r.startsWith(fqcn + "$"));
            if (!ran) {
                missing.add(fqcn);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("tests-ran: " + missing.size() + " test class(es) under " + sources
                    + " did not run (check Surefire's includes): " + String.join(", ", missing));
            System.exit(1);
        }
        System.out.println("tests-ran: all " + declared + " test classes of " + module.getFileName() + " ran");
    }

    /** Surefire's comma-separated tags in argument {@code i}; none when absent or unresolved. */
    private static Set<String> tags(String[] args, int i) {
        Set<String> tags = new HashSet<>();
        if (args.length > i && !args[i].strip().startsWith("${")) {
            for (String t : args[i].split(",")) {
                if (!t.isBlank()) {
                    tags.add(t.strip());
                }
            }
        }
        return tags;
    }
}
