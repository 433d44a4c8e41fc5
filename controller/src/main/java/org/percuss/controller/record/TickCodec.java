package org.percuss.controller.record;

import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.loop.Request;
import org.percuss.controller.loop.StopReason;

/**
 * One side of the TICK record (docs/recording.md), which ends a tick: when it ran, the requests it
 * took, and what it decided, each field only when it differs from its prediction (the previous
 * tick's value; for the time, the previous tick's plus the tick period). The writer and the reader
 * each keep one. The mask:
 *
 * <pre>
 *   bit 0  time       zigzag(tickNanos − (previous + period)); the first tick predicts 0
 *   bit 1  requests   varint Request bits, then varint level if LEVEL, then u8 StopReason if FINISH
 *   bit 2  state      u8 LoopState ordinal
 *   bit 3  level      varint
 *   bit 4  target     zigzag(ppm − previous)
 *   bit 5  commanded  zigzag(ppm − previous): what commandSpeed answered
 *   bit 6  latched    varint FaultSet bits
 *   bit 7  derate     varint level (0: none)
 * </pre>
 *
 * A steady tick in simulation is two bytes. Encoding allocates nothing.
 */
final class TickCodec {

    static final int TIME = 1;
    static final int REQUESTS = 1 << 1;
    static final int STATE = 1 << 2;
    static final int LEVEL = 1 << 3;
    static final int TARGET = 1 << 4;
    static final int COMMANDED = 1 << 5;
    static final int LATCHED = 1 << 6;
    static final int DERATE = 1 << 7;
    static final int ALL = (1 << 8) - 1;

    private static final LoopState[] STATES = LoopState.values();
    private static final StopReason[] REASONS = StopReason.values();
    private static final int REQUEST_BITS = (1 << Request.values().length) - 1;

    private final long periodNanos;
    private boolean first = true;
    private long nanos;
    private int requests;
    private int requestedLevel;
    private StopReason finish = StopReason.INTERRUPTED;
    private LoopState state = LoopState.IDLE;
    private int level;
    private int target;
    private int commanded;
    private int latched;
    private int derate;

    TickCodec(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /** Writes the TICK record (tag included) for the tick {@code loop} has just run. */
    void encode(ControlLoop loop, RecordBuffer out) {
        long timeDelta = loop.tickNanos() - predictedNanos();
        int req = loop.requestsTaken();
        int mask = (timeDelta != 0 ? TIME : 0) | (req != 0 ? REQUESTS : 0) | (loop.state() != state ? STATE : 0)
                | (loop.level() != level ? LEVEL : 0) | (loop.targetPpm() != target ? TARGET : 0)
                | (loop.commandedPpm() != commanded ? COMMANDED : 0) | (loop.latchedFaultBits() != latched ? LATCHED : 0)
                | (loop.derateLevel() != derate ? DERATE : 0);
        out.put(RecordFormat.TICK);
        out.put(mask);
        if ((mask & TIME) != 0) {
            out.putZigzag(timeDelta);
        }
        if ((mask & REQUESTS) != 0) {
            out.putVarint(req);
            if (Request.LEVEL.in(req)) {
                out.putVarint(loop.levelTaken());
            }
            if (Request.FINISH.in(req)) {
                out.put(loop.finishTaken().ordinal());
            }
        }
        if ((mask & STATE) != 0) {
            out.put(loop.state().ordinal());
        }
        if ((mask & LEVEL) != 0) {
            out.putVarint(loop.level());
        }
        if ((mask & TARGET) != 0) {
            out.putZigzag((long) loop.targetPpm() - target);
        }
        if ((mask & COMMANDED) != 0) {
            out.putZigzag((long) loop.commandedPpm() - commanded);
        }
        if ((mask & LATCHED) != 0) {
            out.putVarint(loop.latchedFaultBits() & 0xFFFF_FFFFL);
        }
        if ((mask & DERATE) != 0) {
            out.putVarint(loop.derateLevel());
        }
        first = false;
        nanos = loop.tickNanos();
        state = loop.state();
        level = loop.level();
        target = loop.targetPpm();
        commanded = loop.commandedPpm();
        latched = loop.latchedFaultBits();
        derate = loop.derateLevel();
    }

    /** Reads a TICK record's fields (the tag already read); the values are then this codec's. */
    void decode(RecordInput in) throws RecordInput.Malformed {
        int mask = in.u8();
        long predicted = predictedNanos();
        nanos = predicted + ((mask & TIME) != 0 ? in.zigzag() : 0);
        requests = 0;
        if ((mask & REQUESTS) != 0) {
            requests = in.intIn(1, REQUEST_BITS, "the request bits");
            if (Request.LEVEL.in(requests)) {
                requestedLevel = in.intIn(1, Integer.MAX_VALUE, "a requested level");
            }
            if (Request.FINISH.in(requests)) {
                finish = REASONS[in.intIn(0, REASONS.length - 1, "a finish reason")];
            }
        }
        if ((mask & STATE) != 0) {
            state = STATES[in.intIn(0, STATES.length - 1, "a state")];
        }
        if ((mask & LEVEL) != 0) {
            level = in.intIn(0, Integer.MAX_VALUE, "a level");
        }
        if ((mask & TARGET) != 0) {
            target = (int) (target + in.zigzag());
        }
        if ((mask & COMMANDED) != 0) {
            commanded = (int) (commanded + in.zigzag());
        }
        if ((mask & LATCHED) != 0) {
            latched = (int) in.varint();
        }
        if ((mask & DERATE) != 0) {
            derate = in.intIn(0, Integer.MAX_VALUE, "a derate level");
        }
        first = false;
    }

    private long predictedNanos() {
        return first ? 0 : nanos + periodNanos;
    }

    long nanos() {
        return nanos;
    }

    int requests() {
        return requests;
    }

    int requestedLevel() {
        return requestedLevel;
    }

    StopReason finish() {
        return finish;
    }

    LoopState state() {
        return state;
    }

    int level() {
        return level;
    }

    int target() {
        return target;
    }

    int commanded() {
        return commanded;
    }

    int latched() {
        return latched;
    }

    int derate() {
        return derate;
    }
}
