package org.percuss.controller.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.percuss.device.time.Ticker;

/**
 * Standard output and error that never make their writer wait: what is written goes into one
 * bounded queue, in the order written, and a thread of its own writes it out. For {@code percuss
 * run}, whose control loop writes its status, warnings and safety lines from the thread that
 * ticks: on a terminal or pipe that nobody reads (an SSH session that stalls, a terminal stopped
 * with Ctrl-S, {@code percuss run | less} left on its first page) a write blocks once the kernel's
 * buffer is full, and with it the loop. It did, 11 s into a session on a pseudo-terminal nobody
 * read (18 KB of status lines): no tick, no e-stop, no session limit, until a serial board's
 * watchdog stopped the motor 250 ms later and latched a fault.
 *
 * <p>When the queue is full ({@value #CAPACITY} bytes), a write that does not fit is dropped
 * whole, never cut, and counted; once the output moves again a line on standard error says how
 * much was lost. {@link #close()} waits for the rest to be written as long as it keeps moving, and
 * gives up after {@link #STALL_NANOS} without progress: the session is over by then, and nothing
 * reads the output anyway.
 */
final class ProcessOutput implements AutoCloseable {

    /** What may wait to be written: 256 KiB, minutes of a status line redrawn ten times a second. */
    static final int CAPACITY = 256 * 1024;
    /** How long {@link #close()} waits for an output that has stopped moving. */
    static final long STALL_NANOS = 2_000_000_000L;

    private final OutputStream out;
    private final OutputStream err;
    private final Ticker ticker;
    private final Charset charset;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private int queuedBytes;
    private long dropped;
    private long written;
    private boolean writing;
    private boolean closed;
    private PrintStream installedOut;
    private PrintStream installedErr;
    private PrintStream previousOut;
    private PrintStream previousErr;

    /** One write, bound for one of the two outputs. */
    private record Chunk(OutputStream to, byte[] bytes) {
    }

    /**
     * Queues for {@code out} and {@code err} (the real outputs, which may block), written out by a
     * daemon thread started here; {@code ticker} measures how long {@link #close()} has waited.
     */
    ProcessOutput(OutputStream out, OutputStream err, Charset charset, Ticker ticker) {
        this.out = out;
        this.err = err;
        this.charset = charset;
        this.ticker = ticker;
        Thread.ofPlatform().name("percuss-output").daemon().start(this::writeOut);
    }

    /**
     * Puts this process's {@code System.out} and {@code System.err} behind a queue until
     * {@link #close()}: everything printed to them (slf4j's log lines too) from then on.
     */
    static ProcessOutput install() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ProcessOutput output = new ProcessOutput(out, err, out.charset(), Ticker.system());
        output.previousOut = out;
        output.previousErr = err;
        output.installedOut = output.outStream();
        output.installedErr = output.errStream();
        System.setOut(output.installedOut);
        System.setErr(output.installedErr);
        return output;
    }

    /** Standard output, through the queue. */
    PrintStream outStream() {
        return new PrintStream(new Queued(out), true, charset);
    }

    /** Standard error, through the queue. */
    PrintStream errStream() {
        return new PrintStream(new Queued(err), true, charset);
    }

    /** Standard output, through the queue, for a command's {@code PrintWriter}. */
    PrintWriter outWriter() {
        return new PrintWriter(new OutputStreamWriter(new Queued(out), charset), true);
    }

    /** Standard error, through the queue, for a command's {@code PrintWriter}. */
    PrintWriter errWriter() {
        return new PrintWriter(new OutputStreamWriter(new Queued(err), charset), true);
    }

    /** Bytes dropped so far because the queue was full. */
    long dropped() {
        synchronized (queue) {
            return dropped;
        }
    }

    /**
     * Queues a copy of the bytes, or drops them whole when they do not fit. After {@link #close()}
     * they go straight out, as they would without this class: the session is over, and the order
     * is kept (close waited for the queue, or gave up on it).
     */
    private void enqueue(OutputStream to, byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        synchronized (queue) {
            if (!closed) {
                if (len > CAPACITY - queuedBytes) {
                    dropped += len;
                } else {
                    queue.addLast(new Chunk(to, Arrays.copyOfRange(b, off, off + len)));
                    queuedBytes += len;
                    queue.notifyAll();
                }
                return;
            }
        }
        try {
            to.write(b, off, len);
            to.flush();
        } catch (IOException e) {
            // gone (a hung-up terminal): no one left to tell
        }
    }

    /** The writer thread: takes the chunks in order and writes each where it goes; may block there. */
    private void writeOut() {
        long reported = 0;
        while (true) {
            Chunk next;
            boolean note;
            long lost;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                next = queue.removeFirst();
                writing = true;
                // the queue has just emptied after losing some: say so after this last chunk
                lost = dropped;
                note = queue.isEmpty() && lost > reported;
            }
            write(next.to(), next.bytes());
            if (note) {
                write(err, ("percuss: " + (lost - reported) + " bytes of output were dropped: nothing was reading it\n")
                        .getBytes(charset));
                reported = lost;
            }
            synchronized (queue) {
                queuedBytes -= next.bytes().length;
                written += next.bytes().length;
                writing = false;
                queue.notifyAll();
            }
        }
    }

    private static void write(OutputStream to, byte[] bytes) {
        try {
            to.write(bytes);
            to.flush();
        } catch (IOException e) {
            // the terminal or pipe is gone (a hung-up SSH session): there is no one left to tell
        }
    }

    /**
     * Waits for what is queued to be written, as long as it keeps being written, then stops the
     * writer and gives the process its own outputs back. Never waits more than
     * {@link #STALL_NANOS} without progress.
     */
    @Override
    public void close() {
        synchronized (queue) {
            long progressAt = ticker.nanos();
            long lastWritten = written;
            while ((queuedBytes > 0 || writing) && ticker.nanos() - progressAt < STALL_NANOS) {
                try {
                    queue.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (written != lastWritten) {
                    lastWritten = written;
                    progressAt = ticker.nanos();
                }
            }
            closed = true;
            queue.notifyAll();
        }
        if (installedOut != null && System.out == installedOut) {
            System.setOut(previousOut);
        }
        if (installedErr != null && System.err == installedErr) {
            System.setErr(previousErr);
        }
    }

    /** One of the two outputs as a stream: a write queues a copy and returns. */
    private final class Queued extends OutputStream {
        private final OutputStream to;

        Queued(OutputStream to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            enqueue(to, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            enqueue(to, b, off, len);
        }
    }
}
