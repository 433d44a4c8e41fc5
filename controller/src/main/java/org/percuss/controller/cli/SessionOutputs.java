package org.percuss.controller.cli;

import org.percuss.controller.files.FileProblem;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.StopReason;
import org.percuss.controller.record.Recorder;
import org.percuss.controller.session.UsageRecorder;

/**
 * What a {@code run} session writes as it goes, each when asked for (null when not): the trace, the
 * recording, and the zone's running time in the usage ledger. After each tick it writes them; the
 * first that fails ends the session ({@link StopReason#OUTPUT_ERROR}) and is the one the summary and
 * the exit name; a zone's budget used up ends it too. At the end it finishes each that can still be.
 */
final class SessionOutputs {

    private final TraceOutput trace;
    private final TraceWriter traceWriter;
    private final Recorder recording;
    private final UsageRecorder usage;
    private FileProblem first;

    SessionOutputs(TraceOutput trace, Recorder recording, UsageRecorder usage) {
        this.trace = trace;
        this.traceWriter = trace == null ? null : trace.writer();
        this.recording = recording;
        this.usage = usage;
    }

    /** After each tick: the trace's row, the recording's block when due, the ledger's running time. */
    void afterTick(ControlLoop loop) {
        if (traceWriter != null) {
            traceWriter.row(loop);
            if (traceWriter.failure() != null && note(trace.failure())) {
                loop.finish(StopReason.OUTPUT_ERROR);
            }
        }
        if (recording != null && !recording.flushIfDue() && note(recording.failure())) {
            loop.finish(StopReason.OUTPUT_ERROR);
        }
        if (usage != null) {
            switch (usage.update(loop.runningNanos())) {
                case GO_ON -> { }
                case BUDGET_SPENT -> loop.finish(StopReason.ZONE_BUDGET);
                case FAILED -> {
                    if (note(usage.failure())) {
                        loop.finish(StopReason.OUTPUT_ERROR);
                    }
                }
            }
        }
    }

    /** Once the ticks have ended, however they ended: the session's last running time into the ledger. */
    void finishLedger(long runningNanos) {
        if (usage != null) {
            try {
                usage.finish(runningNanos);
            } catch (FileProblem e) {
                note(e);
            }
        }
    }

    /** Once the motor is stopped: the recording's end (unless it failed), then the trace (unless anything failed). */
    void finishFiles() {
        if (recording != null && recording.failure() == null) {
            try {
                recording.finish();
            } catch (FileProblem e) {
                note(e);
            }
        }
        if (trace != null && first == null) {
            try {
                trace.finish();
            } catch (FileProblem e) {
                note(e);
            }
        }
    }

    /** The first output that failed; null when none did. */
    FileProblem failure() {
        return first;
    }

    /** Notes {@code p}; true when it is the first. */
    private boolean note(FileProblem p) {
        if (first != null || p == null) {
            return false;
        }
        first = p;
        return true;
    }
}
