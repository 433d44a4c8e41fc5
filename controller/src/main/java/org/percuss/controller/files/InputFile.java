package org.percuss.controller.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * A text file percuss reads whole (a configuration, a scenario): only a regular file (a link to
 * one is fine), never more than a size limit, and UTF-8. Anything else (nothing there, a dangling
 * link, a directory, a FIFO that would block, a device that never ends, a file too large, bytes
 * that are not UTF-8) is a {@link FileProblem} saying what is there, without the path, which the
 * caller names as it names every other problem of the file.
 */
public final class InputFile {

    /** The most a YAML file (a configuration, a scenario) may have: 1 MiB. */
    public static final int YAML_LIMIT_BYTES = 1 << 20;

    /**
     * The longest line a YAML file may have: 64 KiB. SnakeYAML's scanner takes time growing with
     * the square of a line's length (a 1 MiB comment line takes seconds), so a long line is refused
     * before it is parsed.
     */
    public static final int YAML_LINE_LIMIT_BYTES = 64 << 10;

    private InputFile() {
    }

    /** A YAML file's text: {@link #readText} with {@link #YAML_LIMIT_BYTES}, and no line over {@link #YAML_LINE_LIMIT_BYTES}. */
    public static String readYaml(Path path) throws FileProblem {
        String text = readText(path, YAML_LIMIT_BYTES, "a YAML file");
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > YAML_LINE_LIMIT_BYTES) {
                    throw new FileProblem("line " + line + " is longer than the " + size(YAML_LINE_LIMIT_BYTES)
                            + " a line of a YAML file may have");
                }
                line++;
                start = i + 1;
            }
        }
        return text;
    }

    /**
     * The text of {@code path}, at most {@code limitBytes} long.
     *
     * @param what what the file is, for the size message ("a YAML file")
     * @throws FileProblem saying what is wrong, without the path
     */
    public static String readText(Path path, int limitBytes, String what) throws FileProblem {
        return utf8(readBytes(path, limitBytes, what));
    }

    /**
     * The bytes of {@code path}, at most {@code limitBytes} of them: only a regular file (a link to
     * one is fine).
     *
     * @param what what the file is, for the size message ("a recording")
     * @throws FileProblem saying what is wrong, without the path
     */
    public static byte[] readBytes(Path path, int limitBytes, String what) throws FileProblem {
        if (path.toString().isEmpty()) {
            throw new FileProblem("an empty path; give a file name");
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(path)) {
                throw new FileProblem("is " + FileKind.SYMBOLIC_LINK.describe(path));
            }
            throw new FileProblem("no such file", e);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(path)) {
                throw new FileProblem("is " + FileKind.SYMBOLIC_LINK.describe(path), e);
            }
            throw new FileProblem("cannot read it: " + FileProblem.reason(e), e);
        } catch (IOException e) {
            throw new FileProblem("cannot read it: " + FileProblem.reason(e), e);
        }
        if (a.isDirectory()) {
            throw new FileProblem("is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            Path real = path;
            try {
                real = path.toRealPath();
            } catch (IOException e) {
                // describe what the path itself is
            }
            throw new FileProblem("is " + FileKind.OTHER.describe(real) + ", not a regular file");
        }
        if (a.size() > limitBytes) {
            throw new FileProblem("is " + size(a.size()) + ", more than the " + size(limitBytes) + " " + what + " may have");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(limitBytes + 1);
        } catch (IOException e) {
            throw new FileProblem("cannot read it: " + FileProblem.reason(e), e);
        }
        if (bytes.length > limitBytes) {
            throw new FileProblem("is more than the " + size(limitBytes) + " " + what + " may have");
        }
        return bytes;
    }

    /** The bytes as UTF-8, or a problem naming the line of the first byte that is not. */
    static String utf8(byte[] bytes) throws FileProblem {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new FileProblem("is not UTF-8 text (line " + line + ", byte " + (in.position() + 1) + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** A size as people read it: {@code 1 MiB}, {@code 16.0 MiB}, {@code 512 bytes}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1 << 20) {
            return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
