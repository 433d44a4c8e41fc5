package org.percuss.picocli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This module's picocli is picocli's own jar class for class, compiled for Java 21: no named class
 * left out of the sources jar, and none old enough for the class archive to pass over (the reason
 * the module exists, see its pom).
 */
class RebuiltPicocliTest {

    /** The class-file version of Java 21 (the parent's maven.compiler.release); Java 6 is 50. */
    private static final int JAVA_21 = 65;
    private static final Pattern ANONYMOUS = Pattern.compile("\\$\\d");

    @Test
    void everyClassOfPicocliJarIsHereCompiledForJava21() throws IOException {
        Map<String, Integer> rebuilt = classesBuiltHere();
        Map<String, Integer> original = classesOfPicocliJar();

        assertThat(named(rebuilt)).isEqualTo(named(original));
        assertThat(original.get("picocli/CommandLine.class")).isLessThan(50); // why this module exists
        assertThat(rebuilt).allSatisfy((name, version) -> assertThat(version).as(name).isEqualTo(JAVA_21));
    }

    /**
     * The names of the classes a compiler cannot name otherwise ({@code $1}, {@code $2}: anonymous
     * classes and switch maps, which compilers number as they go) and of {@code package-info} aside.
     */
    private static Set<String> named(Map<String, Integer> classes) {
        return classes.keySet().stream().filter(n -> !ANONYMOUS.matcher(n).find() && !n.endsWith("/package-info.class"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The classes under this module's target/classes, by name, with their class-file major version. */
    private static Map<String, Integer> classesBuiltHere() throws IOException {
        Path root = Path.of("target/classes");
        Map<String, Integer> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("picocli"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    classes.put(root.relativize(f).toString().replace('\\', '/'), major(in));
                }
            }
        }
        return classes;
    }

    /** The classes of info.picocli:picocli's jar (its Java 9 module-info aside), by name and version. */
    private static Map<String, Integer> classesOfPicocliJar() throws IOException {
        List<URL> found = Collections.list(RebuiltPicocliTest.class.getClassLoader().getResources("picocli/CommandLine.class"));
        URL inJar = found.stream().filter(u -> u.getProtocol().equals("jar")).findFirst()
                .orElseThrow(() -> new AssertionError("picocli's own jar is not on the test class path: " + found));
        Map<String, Integer> classes = new TreeMap<>();
        try (JarFile jar = ((JarURLConnection) inJar.openConnection()).getJarFile()) {
            for (var entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("picocli/") && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(entry.getName(), major(in));
                    }
                }
            }
        }
        return classes;
    }

    /** A class file's major version: after the magic number (4 bytes) and the minor version (2). */
    private static int major(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
        in.readUnsignedShort();
        return in.readUnsignedShort();
    }
}
