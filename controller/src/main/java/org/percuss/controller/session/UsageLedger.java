package org.percuss.controller.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.files.UserDirs;
import org.percuss.controller.text.Echo;
import org.percuss.device.time.Ticker;

/**
 * The usage ledger: an append-only file of JSON lines, one {@link UsageEntry} each, so that a
 * restart does not reset a zone's budget (DESIGN.md rule 4), and so that sessions running at the
 * same time on one zone share its budget.
 *
 * <pre>
 *   {"session":"9f1c…","zone":"lower-back","end":"2026-11-24T03:10:05.123Z","running_ms":1000}
 * </pre>
 *
 * <ul>
 *   <li>One file, one writer at a time: every append, and the read of what was appended since
 *       the last, happens under an OS lock on the file ({@link #lock}), held across processes (and
 *       across threads of one JVM), so a session reads the budget and writes its entry as one step.
 *       The bulk of a large file is read before, without the lock, whole lines only
 *       ({@link #readAhead}), so the lock is held for milliseconds; a wait for it is bounded.</li>
 *   <li>Each entry is written with one {@code write} call, starting on a fresh line: after a torn
 *       last line (a kill during a write, a full disk, a hand edit without a newline) the next
 *       entry does not run into it.</li>
 *   <li>Health data: the file is created 0600 and its missing directories 0700, whatever the
 *       umask; a file others can read gets a warning. Only a regular file or a new path is used
 *       ({@link OutputFile}).</li>
 *   <li>Bounded reads: at most the last {@value #READ_LIMIT_BYTES} bytes (16 MiB, years of daily
 *       use) are read, 64 KiB at a time, a line longer than {@value #LINE_LIMIT_BYTES} bytes is
 *       damaged, and only the entries of the last hour (or later) are kept.</li>
 *   <li>A damaged line (not JSON, missing fields, not UTF-8) and an implausible entry (negative,
 *       longer than the 60-minute window, ending more than a day from now, or at a date that
 *       cannot be) are skipped with a warning naming the file and the line.</li>
 * </ul>
 *
 * <p>Why one class of some 550 lines: the lock and its bounded wait, the bounded incremental read
 * (ahead of the lock, then under it) and the append are one protocol on one file — an entry is
 * appended only under the lock that covered the read of the budget it spends, and a torn line is
 * finished by the writer that finds it. Apart, they could be called out of that order; the
 * entry's format is {@link UsageEntry}'s, and the quick reading of percuss's own lines
 * {@link CanonicalLine}'s.
 */
public final class UsageLedger implements Closeable {

    /** The most of a ledger that is read: its last 16 MiB. */
    public static final int READ_LIMIT_BYTES = 16 << 20;
    /** The longest line that can be an entry; percuss writes about 110 bytes. */
    public static final int LINE_LIMIT_BYTES = 4096;
    /** An entry ending further ahead of now than this is implausible (a simulated session runs at most 15 minutes ahead). */
    public static final Duration FUTURE_LIMIT = Duration.ofDays(1);
    /**
     * How long {@link #lock()} waits for a lock another process holds: a session holds it for
     * milliseconds (it reads what is new and appends a line; the bulk of a large ledger is read
     * before, without the lock: {@link #readAhead}), so ten seconds means a process stopped while
     * it held it (Ctrl-Z, a debugger), not one at work.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How often a lock held elsewhere is tried again: FileChannel has no timed wait. */
    private static final long RETRY_NANOS = 1_000_000L;
    /** Bytes read from the file at a time (the first read takes a line's worth more): never the whole file. */
    static final int CHUNK_BYTES = 1 << 16;

    private static final String OPTION = "--ledger";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A file lock is per process; within this JVM the sessions take turns on this first. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Path file;
    private final FileChannel channel;
    private final boolean writable;
    private final Consumer<String> warnings;
    private final Ticker wall;
    private final List<UsageEntry> entries = new ArrayList<>();
    private long readUpTo;
    private long line;
    private boolean midLine;
    private boolean headSkipped;
    private long oldestEndRead = Long.MAX_VALUE;
    private int generation;
    /** The read buffer ({@link #buffer()}). */
    private byte[] chunk;

    private UsageLedger(Path file, FileChannel channel, boolean writable, Consumer<String> warnings, Ticker wall) {
        this.file = file;
        this.channel = channel;
        this.writable = writable;
        this.warnings = warnings;
        this.wall = wall;
    }

    /** Where the ledger lives when {@code --ledger} is not given: the XDG state directory. */
    public static Path defaultPath(Map<String, String> environment, Path home) {
        return new UserDirs(environment, home).ledgerPath();
    }

    /**
     * Opens {@code file} to read and append, creating it (0600, directories 0700) when absent.
     *
     * @param warnings hears a warning for a file others can read, and one for each line skipped
     * @throws FileProblem when it is not a regular file or a new path, or cannot be written
     */
    public static UsageLedger open(Path file, Consumer<String> warnings) throws FileProblem {
        return open(file, warnings, Ticker.system());
    }

    /**
     * {@link #open(Path, Consumer)}, with the clock that times the waits for the lock.
     *
     * @param wall the wall clock's ticker ({@link Ticker#system()}; a test's own)
     */
    public static UsageLedger open(Path file, Consumer<String> warnings, Ticker wall) throws FileProblem {
        return new UsageLedger(file, OutputFile.openPrivate(OPTION, file, warnings), true, warnings, wall);
    }

    /**
     * Opens {@code file} to read; an absent file is an empty ledger, and is not created.
     *
     * @throws FileProblem when it is not a regular file, or cannot be read
     */
    public static UsageLedger openForReading(Path file, Consumer<String> warnings) throws FileProblem {
        return new UsageLedger(file, OutputFile.openPrivateForReading(OPTION, file, warnings), false, warnings,
                Ticker.system());
    }

    public Path file() {
        return file;
    }

    /**
     * Waits for the ledger's lock (another session holds it only while it reads and appends), at
     * most {@link #PATIENCE}.
     *
     * @throws FileProblem when the file cannot be locked, or another process held it all that time
     */
    public Lock lock() throws FileProblem {
        return lock(PATIENCE);
    }

    /**
     * Waits for the ledger's lock at most {@code patience}, timed on the wall clock given to
     * {@link #open(Path, Consumer, Ticker)}, trying it again every millisecond.
     *
     * @throws FileProblem when the file cannot be locked, or another process held it all that time
     */
    public Lock lock(Duration patience) throws FileProblem {
        long start = wall.nanos();
        while (true) {
            Lock l = tryLock();
            if (l != null) {
                return l;
            }
            if (wall.nanos() - start >= patience.toNanos()) {
                throw problem("cannot lock it: another process has held its lock for "
                        + BigDecimal.valueOf(patience.toMillis(), 3).stripTrailingZeros().toPlainString()
                        + " s (one stopped while it held it?)", null);
            }
            LockSupport.parkNanos(RETRY_NANOS);
        }
    }

    /**
     * The ledger's lock if it is free now, else {@code null}: for the control loop's thread, which
     * must not wait.
     */
    public Lock tryLock() throws FileProblem {
        if (!IN_THIS_JVM.tryLock()) {
            return null;
        }
        try {
            FileLock l = channel == null ? null : channel.tryLock(0, Long.MAX_VALUE, !writable);
            if (l == null && channel != null) {
                IN_THIS_JVM.unlock();
                return null;
            }
            return new Lock(l);
        } catch (IOException | RuntimeException e) {
            IN_THIS_JVM.unlock();
            throw problem("cannot lock it: " + reason(e), e);
        }
    }

    /** The ledger, locked: read what is new, append. */
    public final class Lock implements AutoCloseable {
        private final FileLock lock;
        private boolean released;

        private Lock(FileLock lock) {
            this.lock = lock;
        }

        /**
         * Every plausible entry that ended within the {@link Zone#WINDOW} before now, or ends later,
         * in file order, with what was appended since the last call read in. Older entries are read
         * and checked (a damaged line is warned of wherever it is) but not kept: no budget counts
         * them, and a ledger of months would not fit a small heap.
         *
         * @param nowEpochMillis now, for the window and for the plausibility of entries from the future
         */
        public List<UsageEntry> entries(long nowEpochMillis) throws FileProblem {
            if (channel != null) {
                try {
                    refresh(nowEpochMillis, false);
                } catch (IOException e) {
                    throw problem("cannot read it: " + reason(e), e);
                }
            }
            return Collections.unmodifiableList(entries);
        }

        /** Appends {@code entry} as one line, on a line of its own, written to the file before this returns. */
        public void append(UsageEntry entry) throws FileProblem {
            if (!writable) {
                throw new IllegalStateException("the ledger is open for reading only");
            }
            try {
                long end = channel.size();
                boolean fresh = end == 0 || lastByteIsNewline(end);
                byte[] bytes = ((fresh ? "" : "\n") + line(entry) + "\n").getBytes(StandardCharsets.UTF_8);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    end += channel.write(buffer, end);
                }
            } catch (IOException e) {
                throw problem("cannot write it: " + reason(e), e);
            }
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                if (lock != null) {
                    lock.release();
                }
            } catch (IOException e) {
                // closing the channel releases it too
            } finally {
                IN_THIS_JVM.unlock();
            }
        }
    }

    /**
     * Whether what was read reaches back to {@code windowStartEpochMillis}: false only when the
     * ledger is larger than {@value #READ_LIMIT_BYTES} bytes and even its oldest entry read is
     * inside the window, so entries not read might count too.
     */
    public boolean reachesBackTo(long windowStartEpochMillis) {
        return !headSkipped || oldestEndRead < windowStartEpochMillis;
    }

    /**
     * How many times the entries were read again from the start (the file was cut short): the
     * list {@link Lock#entries} returns only grows between two changes of this.
     */
    public int generation() {
        return generation;
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing was pending: every append is written before it returns
        }
    }

    // ---- reading -----------------------------------------------------------------------------------

    /**
     * Reads, without the lock, the whole lines appended since the last read: the bulk of a large
     * ledger (16 MiB take most of a second in a fresh JVM), so that the lock taken next is held only while
     * the few lines appended meanwhile are read, and a session running beside this one never waits
     * for it. A line still being written is left for the read under the lock.
     *
     * @param nowEpochMillis now, for the plausibility of entries from the future
     * @throws FileProblem when it cannot be read
     */
    public void readAhead(long nowEpochMillis) throws FileProblem {
        if (channel == null) {
            return;
        }
        try {
            refresh(nowEpochMillis, true);
        } catch (IOException e) {
            throw problem("cannot read it: " + reason(e), e);
        }
    }

    /** Reads what was appended since the last read; only up to its last newline when {@code wholeLines}. */
    private void refresh(long now, boolean wholeLines) throws IOException {
        long size = channel.size();
        if (size < readUpTo) {
            // cut short by hand since the last read: read it again
            generation++;
            entries.clear();
            readUpTo = 0;
            line = 0;
            midLine = false;
            headSkipped = false;
            oldestEndRead = Long.MAX_VALUE;
        }
        if (size - readUpTo > READ_LIMIT_BYTES) {
            skipTo(size - READ_LIMIT_BYTES);
        }
        if (size == readUpTo) {
            return;
        }
        byte[] buf = buffer();
        // buf[0, have) is the file's [pos − have, pos): the line under way, then what was read after it
        long pos = readUpTo;
        int have = 0;
        long lineStart = readUpTo;
        boolean overlong = false; // the line under way passed LINE_LIMIT_BYTES: its bytes are let go
        while (pos < size) {
            int scanFrom = have; // the line under way, carried over, holds no newline
            int n = channel.read(ByteBuffer.wrap(buf, have, (int) Math.min(buf.length - have, size - pos)), pos);
            if (n <= 0) {
                break; // cut short while being read: the next read starts again
            }
            pos += n;
            have += n;
            int start = 0;
            for (int i = scanFrom; i < have; i++) {
                if (buf[i] == '\n') {
                    readLine(buf, start, overlong ? LINE_LIMIT_BYTES + 1 : i - start, now);
                    overlong = false;
                    start = i + 1;
                    lineStart = pos - have + start;
                }
            }
            System.arraycopy(buf, start, buf, 0, have - start);
            have -= start;
            if (have > LINE_LIMIT_BYTES) {
                overlong = true;
                have = 0;
            }
        }
        if (have == 0 && !overlong) {
            readUpTo = pos;
        } else if (wholeLines) {
            readUpTo = lineStart; // a line still being written: the read under the lock takes it
        } else {
            readLine(buf, 0, overlong ? LINE_LIMIT_BYTES + 1 : have, now); // a torn last line
            midLine = true;
            readUpTo = pos;
        }
    }

    /** The read buffer, made at the first read and kept: a chunk, and beside it the longest line that can be an entry. */
    private byte[] buffer() {
        if (chunk == null) {
            chunk = new byte[CHUNK_BYTES + LINE_LIMIT_BYTES + 1];
        }
        return chunk;
    }

    /** One line of {@code length} bytes (longer than {@value #LINE_LIMIT_BYTES}: not there to read). */
    private void readLine(byte[] bytes, int offset, int length, long now) {
        if (!midLine) {
            line++;
        }
        take(bytes, offset, length, now);
        midLine = false;
    }

    /** Leaves out everything before {@code from} (and the rest of the line it falls in), counting the lines left out. */
    private void skipTo(long from) throws IOException {
        ByteBuffer window = ByteBuffer.wrap(buffer()); // the reads' own buffer: skipping happens before them
        long pos = readUpTo;
        long lines = line - (midLine ? 1 : 0);
        long lineStart = pos;
        while (true) {
            window.clear();
            int n = channel.read(window, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (window.get(i) == '\n') {
                    lines++;
                    lineStart = pos + i + 1;
                    if (lineStart >= from) {
                        break;
                    }
                }
            }
            pos += n;
            if (lineStart >= from) {
                break;
            }
        }
        headSkipped = true;
        if (lineStart < from) {
            // no line starts in the part to read: one line longer than the limit, up to the end
            line = lines + 1;
            midLine = true;
            readUpTo = channel.size();
            warnings.accept(where() + "skipped a damaged ledger line (longer than " + InputFile.size(LINE_LIMIT_BYTES) + ")");
            return;
        }
        line = lines;
        midLine = false;
        readUpTo = lineStart;
    }

    private void take(byte[] bytes, int offset, int length, long now) {
        if (length == 0 || midLine) {
            // a blank line, or the end of a torn line already reported
            if (length > 0) {
                warnings.accept(where() + "skipped a damaged ledger line (the rest of a torn line)");
            }
            return;
        }
        if (length > LINE_LIMIT_BYTES) {
            warnings.accept(where() + "skipped a damaged ledger line (longer than " + InputFile.size(LINE_LIMIT_BYTES) + ")");
            return;
        }
        UsageEntry canonical = CanonicalLine.parse(bytes, offset, length, now + FUTURE_LIMIT.toMillis());
        if (canonical != null) {
            keep(canonical, now); // as percuss writes it: read without Jackson, the same entry
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            warnings.accept(where() + "skipped a damaged ledger line (not UTF-8 text)");
            return;
        }
        if (text.isBlank()) {
            return;
        }
        try {
            keep(parse(text, now), now);
        } catch (Implausible e) {
            warnings.accept(where() + "skipped an implausible ledger entry (" + e.getMessage() + ")");
        } catch (IllegalArgumentException | JsonProcessingException | DateTimeParseException e) {
            warnings.accept(where() + "skipped a damaged ledger line (" + Echo.line(reason(e)) + ")");
        }
    }

    /** A plausible entry read: kept when it ended within the window before now, or ends later. */
    private void keep(UsageEntry e, long now) {
        oldestEndRead = Math.min(oldestEndRead, e.endEpochMillis());
        if (e.endEpochMillis() >= now - Zone.WINDOW.toMillis()) {
            // an entry that left the window counts for no budget again: a process's calendar only
            // goes forward, and another process reads the file afresh; so months of entries are not kept
            entries.add(e);
        }
    }

    private String where() {
        return Echo.value(file.toString()) + ":" + line + ": ";
    }

    private boolean lastByteIsNewline(long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        return channel.read(b, size - 1) == 1 && b.get(0) == '\n';
    }

    /** A line that is an entry, but one that cannot be true. */
    private static final class Implausible extends IllegalArgumentException {
        Implausible(String message) {
            super(message);
        }
    }

    static UsageEntry parse(String line, long nowEpochMillis) throws JsonProcessingException {
        JsonNode n = JSON.readTree(line);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode session = n.get("session");
        JsonNode zone = n.get("zone");
        JsonNode end = n.get("end");
        JsonNode running = n.get("running_ms");
        if (session == null || zone == null || end == null || running == null || !running.isIntegralNumber()
                || !zone.isTextual() || !end.isTextual()) {
            throw new IllegalArgumentException("needs session, zone, end and a whole running_ms");
        }
        if (running.bigIntegerValue().signum() < 0) {
            throw new Implausible("running_ms " + Echo.value(running.asText()) + " is negative");
        }
        if (!running.canConvertToLong() || running.asLong() > Zone.WINDOW.toMillis()) {
            throw new Implausible("running_ms " + Echo.value(running.asText()) + " is longer than the 60-minute window");
        }
        long ms = running.asLong();
        Instant at = Instant.parse(end.asText());
        if (at.isAfter(Instant.ofEpochMilli(nowEpochMillis).plus(FUTURE_LIMIT))) {
            throw new Implausible("it ends at " + Echo.value(end.asText()) + ", more than a day from now");
        }
        long endMillis;
        try {
            endMillis = at.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new Implausible("it ends at " + Echo.value(end.asText()) + ", a date that cannot be");
        }
        return new UsageEntry(session.asText(), zone.asText(), endMillis, ms);
    }

    /** The line for {@code entry}, without its newline. */
    static String line(UsageEntry entry) {
        ObjectNode n = JSON.createObjectNode();
        n.put("session", entry.session());
        n.put("zone", entry.zone());
        n.put("end", Instant.ofEpochMilli(entry.endEpochMillis()).toString());
        n.put("running_ms", entry.runningMillis());
        return n.toString();
    }

    private FileProblem problem(String what, Throwable cause) {
        return new FileProblem(OPTION + " " + Echo.value(file.toString()) + ": " + what, cause);
    }

    private static String reason(Exception e) {
        if (e instanceof IOException io) {
            return FileProblem.reason(io);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
