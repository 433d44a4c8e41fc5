package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code percuss} in this JVM, as a user would from a shell, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return of(new Percuss(), args);
    }

    /** Runs {@code percuss}, made as a test needs it. */
    static CliRun of(Percuss percuss, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Percuss.commandLine(percuss, args); // as main builds it: only the command named, when one is
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
