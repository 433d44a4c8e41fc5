package org.percuss.controller.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.percuss.controller.text.Echo;

/**
 * A file percuss writes (a trace, a plot, the usage ledger), and the one owner of the rules for
 * writing one. A path is accepted only when it is new, in a directory that exists, or an existing
 * regular file that its owner may write; a directory, a FIFO, a device node, a socket, a symbolic
 * link, an empty path, a missing directory and a read-only file are refused with one line naming
 * the option, the path and what is there. Nothing is ever deleted but percuss's own temporary
 * files. Three ways to write:
 * <ul>
 *   <li>{@link #write whole}: the content goes to a temporary file beside the target, then is
 *       renamed into place, so a reader sees the old file or the new one, never half of one;</li>
 *   <li>{@link #openStream streaming} (a trace, row by row): a new path is created in place with
 *       {@code CREATE_NEW}, so nothing can be overwritten, and what was flushed survives a
 *       {@code kill -9}; an existing file is replaced the whole-file way, when the stream is
 *       committed at the end, so until then the old file is intact and the new rows are in
 *       {@code .NAME.*.tmp} beside it;</li>
 *   <li>{@link #openPrivate private, appended to} (the usage ledger, health data): created 0600
 *       in directories created 0700, whatever the umask; an existing looser file gets a warning.</li>
 * </ul>
 *
 * <p>Why one class of some 450 lines: it is the one owner of what percuss may do to a path (check
 * what is there, write beside it, rename into place, never delete what it did not create), and
 * every way to write goes through the same check and the same rename. Three classes would each
 * need the other two's rules, and a rule kept in two places is how a file gets destroyed.
 */
public final class OutputFile {

    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> LOOSE = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final String option;
    private final Path path;
    private final boolean existed;

    private OutputFile(String option, Path path, boolean existed) {
        this.option = option;
        this.path = path;
        this.existed = existed;
    }

    /**
     * {@code path}, given with {@code option} (such as {@code --trace}), checked: a new path in a
     * directory where a file can be created, or an existing regular file that can be written.
     *
     * @throws FileProblem when it is anything else, naming the option, the path and what is there
     */
    public static OutputFile check(String option, Path path) throws FileProblem {
        OutputFile f = locate(option, path, false);
        f.probe();
        return f;
    }

    /** The option the path was given with, such as {@code --trace}. */
    public String option() {
        return option;
    }

    public Path path() {
        return path;
    }

    /** Whether a regular file was there when it was checked (and will be replaced). */
    public boolean replaces() {
        return existed;
    }

    /** {@code --trace out.csv}: the option and the path, for a message. */
    public String name() {
        return option + " " + Echo.value(path.toString());
    }

    /** A problem with this file: {@code --trace out.csv: what}. */
    public FileProblem problem(String what, Throwable cause) {
        return new FileProblem(name() + ": " + what, cause);
    }

    /**
     * Refuses to write over a file this same command reads or writes under another option
     * ({@code --trace} naming the {@code --config} file, or the plot's path).
     *
     * @throws FileProblem when {@code other} is the same file
     */
    public void notSameAs(String otherOption, Path other) throws FileProblem {
        if (other == null || other.toString().isEmpty()) {
            return;
        }
        boolean same;
        try {
            same = path.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())
                    || (existed && Files.exists(other) && Files.isSameFile(path, other));
        } catch (IOException | RuntimeException e) {
            same = false;
        }
        if (same) {
            throw problem("is the same file as " + otherOption + "; give another path", null);
        }
    }

    // ---- checking --------------------------------------------------------------------------------

    private static OutputFile locate(String option, Path path, boolean parentsMayBeMissing) throws FileProblem {
        String name = option + " " + Echo.value(path.toString());
        if (path.toString().isEmpty()) {
            throw new FileProblem(option + ": an empty path; give a file name");
        }
        FileKind kind;
        try {
            kind = FileKind.of(path);
        } catch (IOException e) {
            throw new FileProblem(name + ": cannot look at it: " + FileProblem.reason(e), e);
        }
        switch (kind) {
            case REGULAR -> {
                return new OutputFile(option, path, true);
            }
            case NONE -> {
                Path parent = path.toAbsolutePath().getParent();
                if (parent == null || path.getFileName() == null) {
                    throw new FileProblem(name + ": not a file name");
                }
                if (!parentsMayBeMissing && !Files.isDirectory(parent)) {
                    throw new FileProblem(name + ": " + (Files.exists(parent)
                            ? Echo.value(parent.toString()) + " is not a directory"
                            : "its directory " + Echo.value(parent.toString()) + " does not exist"));
                }
                return new OutputFile(option, path, false);
            }
            default -> throw new FileProblem(name + ": is " + kind.describe(path)
                    + "; percuss writes only a new file or an existing regular file");
        }
    }

    /** Proves this can be written before anything starts: the file opens for writing, or a file can be made beside it. */
    private void probe() throws FileProblem {
        if (existed) {
            refuseReadOnly();
            try (FileChannel ignored = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                // opened for writing, neither truncated nor changed
            } catch (IOException e) {
                throw problem("cannot write it: " + FileProblem.reason(e), e);
            }
        }
        Path probe = createTemporary();
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            // our own empty file; nothing to tell
        }
    }

    /** An existing file its owner may not write is one the user keeps from being changed, root or not. */
    private void refuseReadOnly() throws FileProblem {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (!p.contains(PosixFilePermission.OWNER_WRITE)) {
                throw problem("is read-only (" + PosixFilePermissions.toString(p) + "); percuss does not replace it", null);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: opening it for writing decides
        } catch (FileProblem e) {
            throw e;
        } catch (IOException e) {
            throw problem("cannot look at it: " + FileProblem.reason(e), e);
        }
    }

    /** A new, empty temporary file beside the target: {@code .NAME.1a2b3c4d.tmp}. */
    private Path createTemporary() throws FileProblem {
        Path dir = path.toAbsolutePath().getParent();
        String base = path.getFileName().toString();
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + base + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
            try {
                Files.createFile(tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw problem("cannot make a temporary file in " + Echo.value(dir.toString()), e);
                }
            } catch (IOException e) {
                throw problem("cannot create a file in " + Echo.value(dir.toString()) + ": " + FileProblem.reason(e), e);
            }
        }
    }

    // ---- whole files -----------------------------------------------------------------------------

    /** Writes the content of a whole file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file beside the target and renames it into place.
     *
     * @throws FileProblem when it cannot; the target is then as it was, and the temporary file gone
     */
    public void write(Content content) throws FileProblem {
        Path tmp = createTemporary();
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            content.writeTo(out);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw problem("cannot write it: " + FileProblem.reason(e), e);
        }
        moveIntoPlace(tmp);
    }

    /** Renames our temporary file over the target, if what is there is still nothing or a regular file. */
    private void moveIntoPlace(Path tmp) throws FileProblem {
        try {
            FileKind now = FileKind.of(path);
            if (now != FileKind.NONE && now != FileKind.REGULAR) {
                throw problem("is now " + now.describe(path) + "; left it alone, the output is in " + tmp, null);
            }
            if (now == FileKind.REGULAR) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                } catch (UnsupportedOperationException | IOException e) {
                    // the new file keeps the usual permissions
                }
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileProblem e) {
            throw e;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw problem("cannot put it in place: " + FileProblem.reason(e), e);
        }
    }

    private static void deleteQuietly(Path ours) {
        try {
            Files.deleteIfExists(ours);
        } catch (IOException e) {
            // only ever our own temporary file; a leftover is harmless
        }
    }

    // ---- streams ---------------------------------------------------------------------------------

    /**
     * Opens the file to be written as a stream: a new path in place ({@code CREATE_NEW}), an
     * existing file through a temporary file beside it that {@link Stream#commit()} renames into
     * place.
     */
    public Stream openStream() throws FileProblem {
        if (!existed) {
            try {
                return new Stream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), null);
            } catch (FileAlreadyExistsException e) {
                // something appeared there since the check: the rules again
                return locate(option, path, false).openStream();
            } catch (IOException e) {
                throw problem("cannot create it: " + FileProblem.reason(e), e);
            }
        }
        Path tmp = createTemporary();
        try {
            return new Stream(Files.newOutputStream(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), tmp);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw problem("cannot write it: " + FileProblem.reason(e), e);
        }
    }

    /** An output file being written as a stream; {@link #commit()} when done, or {@link #close()} to abandon it. */
    public final class Stream implements Closeable {
        private final OutputStream out;
        private final Path temporary;
        private boolean done;

        private Stream(OutputStream out, Path temporary) {
            this.out = out;
            this.temporary = temporary;
        }

        /** Where to write. */
        public OutputStream out() {
            return out;
        }

        /** The file this stream is for. */
        public OutputFile file() {
            return OutputFile.this;
        }

        /** Closes the stream and, when it replaces a file, renames it into place. */
        public void commit() throws FileProblem {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
            } catch (IOException e) {
                if (temporary != null) {
                    deleteQuietly(temporary);
                }
                throw problem("cannot write it: " + FileProblem.reason(e), e);
            }
            if (temporary != null) {
                moveIntoPlace(temporary);
            }
        }

        /**
         * Abandons the stream unless committed: a new file keeps what was written (a trace that
         * ends where the writing failed); a replacement's temporary file is removed and the old
         * file stays as it was.
         */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
            } catch (IOException e) {
                // abandoned anyway
            }
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    // ---- private files, appended to ---------------------------------------------------------------

    /**
     * Opens {@code path} for reading and appending, as a private file: missing directories are
     * created 0700 and a new file 0600, whatever the umask; an existing file readable or writable
     * by others is used, with a warning to {@code warnings}.
     *
     * @throws FileProblem when it is not a regular file or a new path, or cannot be written
     */
    public static FileChannel openPrivate(String option, Path path, Consumer<String> warnings) throws FileProblem {
        OutputFile f = locate(option, path, true);
        if (!f.existed) {
            f.createPrivateDirectories();
            try {
                FileChannel ch = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
                Files.setPosixFilePermissions(path, PRIVATE_FILE);
                return ch;
            } catch (FileAlreadyExistsException e) {
                f = locate(option, path, false);
            } catch (IOException e) {
                throw f.problem("cannot create it: " + FileProblem.reason(e), e);
            }
        }
        f.refuseReadOnly();
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (AccessDeniedException e) {
            throw f.problem("cannot open it for reading and writing: permission denied", e);
        } catch (IOException e) {
            throw f.problem("cannot open it for reading and writing: " + FileProblem.reason(e), e);
        }
        f.warnIfLoose(warnings);
        return ch;
    }

    /**
     * Opens {@code path} for reading only, when it exists; the same rules as for writing.
     *
     * @return the open file, or {@code null} when there is nothing at {@code path}
     */
    public static FileChannel openPrivateForReading(String option, Path path, Consumer<String> warnings)
            throws FileProblem {
        OutputFile f = locate(option, path, true);
        if (!f.existed) {
            return null;
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            f.warnIfLoose(warnings);
            return ch;
        } catch (IOException e) {
            throw f.problem("cannot read it: " + FileProblem.reason(e), e);
        }
    }

    private void warnIfLoose(Consumer<String> warnings) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (p.stream().anyMatch(LOOSE::contains)) {
                warnings.accept(Echo.value(path.toString()) + " can be read by others (" + PosixFilePermissions.toString(p)
                        + "); it is health data: chmod 600 " + Echo.value(path.toString()));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to say
        }
    }

    /** Creates the missing directories above the file, each 0700. */
    private void createPrivateDirectories() throws FileProblem {
        Deque<Path> missing = new ArrayDeque<>();
        Path dir = path.toAbsolutePath().getParent();
        while (dir != null && !Files.isDirectory(dir)) {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(dir)) {
                String what;
                try {
                    what = FileKind.of(dir).describe(dir);
                } catch (IOException e) {
                    what = "not a directory";
                }
                throw problem(Echo.value(dir.toString()) + " is " + what + ", not a directory", null);
            }
            missing.push(dir);
            dir = dir.getParent();
        }
        for (Path d : missing) {
            try {
                Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
                Files.setPosixFilePermissions(d, PRIVATE_DIRECTORY);
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by someone else (another session): use it
            } catch (IOException e) {
                throw problem("cannot create the directory " + Echo.value(d.toString()) + ": " + FileProblem.reason(e), e);
            }
        }
    }
}
