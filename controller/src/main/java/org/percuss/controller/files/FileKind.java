package org.percuss.controller.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.percuss.controller.text.Echo;

/**
 * What is at a path, looked at without following a symbolic link there: nothing, a regular file, or
 * something percuss will not write to (a directory, a FIFO, a device node, a socket, a symbolic
 * link), described for a message ("a FIFO (named pipe)", "a dangling symbolic link to x").
 */
public enum FileKind {
    /** Nothing is there. */
    NONE,
    /** A regular file. */
    REGULAR,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link, whatever it points to. */
    SYMBOLIC_LINK,
    /** A FIFO, a device node, a socket. */
    OTHER;

    // st_mode's file type bits (POSIX <sys/stat.h>)
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** What is at {@code path}, not following a link at its last component. */
    public static FileKind of(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return NONE;
        }
        if (a.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        if (a.isDirectory()) {
            return DIRECTORY;
        }
        return a.isRegularFile() ? REGULAR : OTHER;
    }

    /** What {@code path} (of this kind) is, for a message: "a directory", "a character device". */
    public String describe(Path path) {
        return switch (this) {
            case NONE -> "nothing (no such file)";
            case REGULAR -> "a regular file";
            case DIRECTORY -> "a directory";
            case SYMBOLIC_LINK -> describeLink(path);
            case OTHER -> describeOther(path);
        };
    }

    private static String describeLink(Path path) {
        String target;
        try {
            target = Echo.value(Files.readSymbolicLink(path).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return "a symbolic link";
        }
        try {
            path.toRealPath();
        } catch (FileSystemException e) {
            String r = e.getReason() == null ? "" : e.getReason();
            if (r.contains("levels of symbolic links")) {
                return "a symbolic link loop (to " + target + ")";
            }
            if (e instanceof NoSuchFileException) {
                return "a dangling symbolic link (to " + target + ", which does not exist)";
            }
            return "a symbolic link (to " + target + ")";
        } catch (IOException e) {
            return "a symbolic link (to " + target + ")";
        }
        return "a symbolic link (to " + target + ")";
    }

    private static String describeOther(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "not a regular file";
        }
        return switch (mode & S_IFMT) {
            case S_IFIFO -> "a FIFO (named pipe)";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "not a regular file";
        };
    }
}
