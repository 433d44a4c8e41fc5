package org.percuss.controller.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal, on Java 21 and on later JDKs alike. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ may return a console for redirected streams; isTerminal() tells the truth.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 21: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
