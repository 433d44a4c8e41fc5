package org.percuss.controller.record;

import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.FaultSet;

/**
 * What one tick decided, the way a replay compares it: the state, the level, the speed it aimed
 * at, asked for and got, the faults latched, the derate, and whether it asked for a clear.
 *
 * @param state the state the tick left the loop in
 * @param level the level selected
 * @param targetPpm where the speed profile was heading
 * @param askedPpm what {@code commandSpeed} was asked
 * @param commandedPpm what it answered
 * @param latchedBits the faults latched, as {@code FaultSet} bits
 * @param derateLevel the level a safety rule held the speed to, or 0
 * @param clearRequested whether the tick asked the device to clear its faults
 */
public record Decisions(LoopState state, int level, int targetPpm, int askedPpm, int commandedPpm, int latchedBits,
                        int derateLevel, boolean clearRequested) {

    /** What {@code f} recorded. */
    static Decisions of(Frame f) {
        return new Decisions(f.state(), f.level(), f.targetPpm(), f.askedPpm(), f.commandedPpm(), f.latchedBits(),
                f.derateLevel(), f.clearRequested());
    }

    /** The names of the fields that differ from {@code other}'s, in declaration order. */
    List<String> differences(Decisions other) {
        List<String> d = new ArrayList<>();
        if (state != other.state) {
            d.add("state");
        }
        if (level != other.level) {
            d.add("level");
        }
        if (targetPpm != other.targetPpm) {
            d.add("target");
        }
        if (askedPpm != other.askedPpm) {
            d.add("command");
        }
        if (commandedPpm != other.commandedPpm) {
            d.add("commanded");
        }
        if (latchedBits != other.latchedBits) {
            d.add("latched faults");
        }
        if (derateLevel != other.derateLevel) {
            d.add("derate");
        }
        if (clearRequested != other.clearRequested) {
            d.add("clear request");
        }
        return d;
    }

    /** {@code RUNNING, level 3, target 2200, command 2200 ppm, latched none, no derate}. */
    @Override
    public String toString() {
        return state + ", level " + level + ", target " + targetPpm + " ppm, command " + askedPpm + " ppm"
                + (askedPpm != commandedPpm ? " (answered " + commandedPpm + ")" : "") + ", latched "
                + (latchedBits == 0 ? "none" : String.join("|", new FaultSet(latchedBits).faults().stream().map(Enum::name).toList()))
                + (derateLevel == 0 ? ", no derate" : ", derated to level " + derateLevel)
                + (clearRequested ? ", clear requested" : "");
    }
}
