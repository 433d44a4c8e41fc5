package org.percuss.controller.cli;

/**
 * The jar's entry point, compiled for Java 8 so that an old {@code java} can run it: on Java 21 or
 * newer it hands over to {@link Percuss}; on anything older it says which Java it found and what
 * percuss needs, instead of failing with a class-version stack trace.
 */
public final class Launcher {

    private static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int major = major(System.getProperty("java.specification.version", "0"));
        if (major < REQUIRED) {
            System.err.println("percuss: needs Java " + REQUIRED + " or newer, but this is Java "
                    + System.getProperty("java.version") + " at " + System.getProperty("java.home")
                    + "; run it with a JDK " + REQUIRED + "+ (for example $JAVA_HOME/bin/java -jar percuss.jar)");
            System.exit(2);
        }
        try {
            Class.forName("org.percuss.controller.cli.Percuss").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                // the session's own finally blocks have run (the device is stopped and closed) on the way out
                System.err.println("percuss: out of memory: the Java heap is full (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MiB); give it more, e.g. java -Xmx64m -jar percuss.jar");
                System.exit(70);
            }
            throw e.getCause();
        }
    }

    private static int major(String spec) {
        String s = spec.startsWith("1.") ? spec.substring(2) : spec;
        int dot = s.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
