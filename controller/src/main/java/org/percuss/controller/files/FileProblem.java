package org.percuss.controller.files;

import java.io.IOException;

/**
 * A file percuss was asked to read or write cannot be used. The message is one line that names the
 * option (or what the file is for), the path and what was wrong, ready to print after
 * {@code percuss COMMAND: }.
 */
public final class FileProblem extends IOException {

    public FileProblem(String message) {
        super(message);
    }

    public FileProblem(String message, Throwable cause) {
        super(message, cause);
    }

    /** What an I/O exception says about a file, without its class name or the path again. */
    public static String reason(IOException e) {
        if (e instanceof FileProblem) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
