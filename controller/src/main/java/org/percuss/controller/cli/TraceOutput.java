package org.percuss.controller.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.device.time.Ticker;

/**
 * A trace on its way to its file: the {@link TraceWriter} on the {@link OutputFile}'s stream. A
 * new file is written in place as the session runs; an existing one is replaced when the trace is
 * {@link #finish() finished}. Closing it unfinished (the session failed) keeps a new file as far as
 * it got and leaves an existing one as it was.
 */
final class TraceOutput implements Closeable {

    private final OutputFile file;
    private final OutputFile.Stream stream;
    private final TraceWriter writer;

    private TraceOutput(OutputFile file, OutputFile.Stream stream, TraceWriter writer) {
        this.file = file;
        this.stream = stream;
        this.writer = writer;
    }

    /**
     * Opens {@code file} and writes the header (flushed: a file that cannot take it fails here).
     *
     * @param wall the clock the trace is flushed by, at least once a second
     */
    static TraceOutput open(OutputFile file, Ticker wall) throws FileProblem {
        OutputFile.Stream stream = file.openStream();
        try {
            return new TraceOutput(file, stream, new TraceWriter(new BufferedWriter(
                    new OutputStreamWriter(stream.out(), StandardCharsets.UTF_8), 1 << 16), wall));
        } catch (IOException e) {
            stream.close();
            throw file.problem("cannot write it: " + FileProblem.reason(e), e);
        }
    }

    TraceWriter writer() {
        return writer;
    }

    /** Why a row could not be written, naming the file; {@code null} while all is well. */
    FileProblem failure() {
        IOException e = writer.failure();
        return e == null ? null : file.problem("cannot write it: " + FileProblem.reason(e), e);
    }

    /** Writes out the rest and puts the file in place. */
    void finish() throws FileProblem {
        try {
            writer.flush();
        } catch (IOException e) {
            throw file.problem("cannot write it: " + FileProblem.reason(e), e);
        }
        stream.commit();
    }

    @Override
    public void close() {
        stream.close();
    }
}
