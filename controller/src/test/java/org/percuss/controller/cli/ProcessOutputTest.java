package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.percuss.device.time.Ticker;

/**
 * {@link ProcessOutput}: everything written arrives, in the order written across both outputs,
 * before close returns; a writer never waits for an output nobody reads, and what did not fit is
 * dropped whole and said; closing gives up on an output that does not move.
 */
class ProcessOutputTest {

    /** A hang guard, not a speed target: a write that blocks would block the test forever. */
    private static final Duration HANG = Duration.ofSeconds(60);

    /** Both outputs, as one log of what each write brought, in the order it arrived. */
    private static final class Log {
        final List<String> lines = new ArrayList<>();

        OutputStream tagged(String tag) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (lines) {
                        lines.add(tag + new String(b, off, len, StandardCharsets.UTF_8));
                    }
                }
            };
        }
    }

    /** An output that takes nothing until it is released, as a terminal nobody reads. */
    private static final class Stalled extends OutputStream {
        final CountDownLatch released = new CountDownLatch(1);
        final ByteArrayOutputStream got = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (got) {
                got.write(b, off, len);
            }
        }
    }

    /** A ticker that moves on by {@code step} each time it is read. */
    private static Ticker advancing(long step) {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(step);
    }

    @Test
    void everythingArrivesInTheOrderWrittenAcrossBothOutputs() {
        Log log = new Log();
        ProcessOutput output = new ProcessOutput(log.tagged("out "), log.tagged("err "), StandardCharsets.UTF_8, Ticker.system());
        PrintWriter out = output.outWriter();
        PrintWriter err = output.errWriter();
        PrintStream errStream = output.errStream();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.println("status " + i);
            expected.add("out status " + i + System.lineSeparator());
            if (i % 50 == 0) {
                err.println("warning " + i);
                expected.add("err warning " + i + System.lineSeparator());
                errStream.println("log line " + i); // slf4j's, through System.err
                expected.add("err log line " + i + System.lineSeparator());
            }
        }
        output.close();
        assertThat(String.join("", log.lines)).isEqualTo(String.join("", expected));
        assertThat(output.dropped()).isZero();

        out.println("after the session"); // straight out now: no thread left to wait for
        assertThat(log.lines.getLast()).isEqualTo("out after the session" + System.lineSeparator());
    }

    @Test
    void aWriterNeverWaitsForAnOutputNobodyReadsAndWhatDidNotFitIsDroppedWholeAndSaid() {
        Stalled terminal = new Stalled();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessOutput output = new ProcessOutput(terminal, err, StandardCharsets.UTF_8, Ticker.system());
        PrintStream out = output.outStream();
        byte[] line = new byte[4096];
        java.util.Arrays.fill(line, (byte) 'x');
        // twice what the queue holds, from this thread, as the loop writes its status: it must return
        assertTimeoutPreemptively(HANG, () -> {
            for (int i = 0; i < 2 * ProcessOutput.CAPACITY / line.length; i++) {
                out.write(line);
            }
        });
        // the queue held CAPACITY (the chunk being written counts until it is written); the rest went, whole
        assertThat(output.dropped()).isEqualTo(ProcessOutput.CAPACITY);

        terminal.released.countDown(); // someone reads again
        output.close();
        assertThat(terminal.got.size()).isEqualTo(ProcessOutput.CAPACITY);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("percuss: " + ProcessOutput.CAPACITY + " bytes of output were dropped: nothing was reading it\n");
    }

    @Test
    void closeGivesUpOnAnOutputThatDoesNotMove() {
        Stalled terminal = new Stalled();
        ProcessOutput output = new ProcessOutput(terminal, terminal, StandardCharsets.UTF_8,
                advancing(ProcessOutput.STALL_NANOS / 4));
        output.outWriter().println("the session summary nobody will read");
        try {
            assertTimeoutPreemptively(HANG, output::close);
            assertThat(terminal.got.size()).as("nothing could be written").isZero();
        } finally {
            terminal.released.countDown();
        }
    }
}
