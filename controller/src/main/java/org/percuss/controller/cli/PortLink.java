package org.percuss.controller.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A stable name for a pseudo-terminal, whose own path ({@code /dev/pts/N}) changes from run to
 * run: {@code percuss board --pty --pty-link PATH} makes PATH a symbolic link to it. A symbolic link
 * already at PATH (left by an earlier run) is replaced; anything else there is never touched.
 * {@link #close()} removes the link, if it still points where this one made it point.
 */
final class PortLink implements AutoCloseable {

    private final Path link;
    private final Path target;

    private PortLink(Path link, Path target) {
        this.link = link;
        this.target = target;
    }

    /**
     * Makes {@code link} point to {@code target}.
     *
     * @throws IllegalArgumentException when {@code link} is a file, a folder or anything but a
     *         symbolic link, or cannot be made, saying which and why
     */
    static PortLink create(Path link, Path target) {
        try {
            if (Files.isSymbolicLink(link)) {
                Files.delete(link); // a stale link from an earlier run
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(link + " exists and is not a symbolic link; it is left alone:"
                        + " remove it or choose another path");
            }
            Files.createSymbolicLink(link, target); // never replaces: something new there fails it
            return new PortLink(link, target);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(link + " appeared while the link was being made; it is left alone");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot make the link " + link + ": its folder does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot make the link " + link + ": permission denied");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot make the link " + link + ": " + e.getMessage());
        }
    }

    /** The link's own path. */
    Path path() {
        return link;
    }

    /** Removes the link when it is still ours. */
    @Override
    public void close() {
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                Files.delete(link);
            }
        } catch (IOException e) {
            // already gone, or replaced by someone else: not ours to remove
        }
    }
}
