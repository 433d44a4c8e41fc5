package org.percuss.controller.record;

import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;

/**
 * The loop's listener while it is recorded: every transition, warning and safety event goes to the
 * {@link Recorder} on its way to the listener it wraps, which hears it unchanged.
 */
final class RecordingListener implements LoopListener {

    private final LoopListener inner;
    private final Recorder recorder;

    RecordingListener(LoopListener inner, Recorder recorder) {
        this.inner = inner;
        this.recorder = recorder;
    }

    @Override
    public void stateChanged(LoopState from, LoopState to, String why) {
        recorder.message(RecordFormat.MESSAGE_STATE, from, to, why);
        inner.stateChanged(from, to, why);
    }

    @Override
    public void warning(String message) {
        recorder.message(RecordFormat.MESSAGE_WARNING, null, null, message);
        inner.warning(message);
    }

    @Override
    public void safetyEvent(String message) {
        recorder.message(RecordFormat.MESSAGE_SAFETY, null, null, message);
        inner.safetyEvent(message);
    }
}
