package org.percuss.controller.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.text.Echo;

/**
 * The secret a browser or a script shows ({@code Authorization: Bearer ...}) to use the web API on
 * an address other than loopback. Made on first use: 32 random bytes, base64url, in a file only
 * its owner can read or write (created 0600 in directories created 0700, whatever the umask; the
 * file rules of {@link OutputFile}). Revoked by deleting the file: the next {@code run --web} makes
 * a new one. A token file that others can read is refused, since it may have been read.
 *
 * @param value the token
 * @param file where it is kept
 * @param created whether it was made just now (and so is shown once)
 */
public record WebToken(String value, Path file, boolean created) {

    private static final int BYTES = 32;
    private static final int MAX_FILE = 1024;
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /**
     * The token kept in {@code file}, made there if there is none yet.
     *
     * @throws FileProblem naming the file and what is wrong with it
     */
    public static WebToken loadOrCreate(Path file) throws FileProblem {
        try (FileChannel ch = OutputFile.openPrivate("--web token", file, w -> { })) {
            refuseLoose(file);
            try (FileLock ignored = ch.lock()) { // two sessions starting at once make one token
                if (ch.size() > MAX_FILE) {
                    throw problem(file, "is larger than a token file can be; delete it to make a new token");
                }
                ByteBuffer buffer = ByteBuffer.allocate((int) ch.size());
                while (buffer.hasRemaining() && ch.read(buffer, buffer.position()) >= 0) {
                    // read it all
                }
                String text = new String(buffer.array(), StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    if (!wellFormed(text)) {
                        throw problem(file, "does not hold a percuss token; delete it to make a new one");
                    }
                    return new WebToken(text, file, false);
                }
                String token = generate();
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                ch.force(true);
                return new WebToken(token, file, true);
            }
        } catch (FileProblem e) {
            throw e;
        } catch (IOException e) {
            throw problem(file, "cannot be read or written: " + FileProblem.reason(e));
        }
    }

    /** Whether {@code presented} is this token, compared in constant time. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    static String generate() {
        byte[] b = new byte[BYTES];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static boolean wellFormed(String s) {
        return s.length() >= 32 && s.length() <= 128 && s.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    private static void refuseLoose(Path file) throws FileProblem {
        Set<PosixFilePermission> p;
        try {
            p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IOException e) {
            return; // not a POSIX file system: nothing to check
        }
        if (p.stream().anyMatch(OTHERS::contains)) {
            throw problem(file, "can be read or written by others (" + PosixFilePermissions.toString(p)
                    + "), so the token may be known; delete it to make a new one");
        }
    }

    private static FileProblem problem(Path file, String what) {
        return new FileProblem("--web: the token file " + Echo.value(file.toString()) + " " + what);
    }
}
