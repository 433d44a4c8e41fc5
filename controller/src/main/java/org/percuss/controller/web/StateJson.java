package org.percuss.controller.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.percuss.controller.live.LiveControl;
import org.percuss.controller.live.LiveState;
import org.percuss.controller.live.Message;
import org.percuss.controller.live.Outcome;
import org.percuss.controller.live.SampleHistory;
import org.percuss.controller.live.SessionEnd;
import org.percuss.controller.live.SessionInfo;

/**
 * The API's JSON, field by field (docs/web.md documents each): the state of {@code GET /api/state}
 * and of every server-sent event, the samples an event carries, the answers to requests and the
 * errors. Written out here rather than left to a mapper, so the API changes only on purpose.
 */
final class StateJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {
    }

    /** The state, with why a start, a level up and a clear would be refused now. */
    static ObjectNode state(LiveState s, LiveControl.Refusals refused) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("tick", s.tick());
        o.put("elapsedSeconds", round(s.elapsedSeconds(), 3));
        o.put("state", s.state().name());
        o.put("stateLabel", s.state().label());
        o.put("over", s.over());
        o.put("level", s.level());
        o.put("levelPpm", s.info().levelPpm().get(s.level() - 1));
        o.put("targetPpm", s.targetPpm());
        o.put("commandedPpm", s.commandedPpm());
        o.put("measuredPpm", s.measuredPpm());
        o.put("runningSeconds", round(s.runningSeconds(), 3));
        o.put("limitSeconds", round(s.limitSeconds(), 3));
        o.put("leftSeconds", round(s.leftSeconds(), 3));
        if (s.zone() == null) {
            o.putNull("zone");
        } else {
            ObjectNode z = o.putObject("zone");
            z.put("name", s.zone().name());
            z.put("budgetLeftSeconds", round(s.zone().leftSeconds(), 3));
        }
        putReading(o, "currentAmps", s.currentAmps(), 3);
        putReading(o, "temperatureCelsius", s.temperatureCelsius(), 2);
        putReading(o, "supplyVolts", s.supplyVolts(), 3);
        ArrayNode faults = o.putArray("faults");
        s.faults().forEach(faults::add);
        o.put("stopMessage", s.stopMessage());
        o.put("derateLevel", s.derateLevel());
        o.put("tripCondition", s.tripCondition());
        o.put("latchedAtTick", s.latchedAtTick());
        o.put("clearAsked", s.clearAsked());
        ObjectNode r = o.putObject("refused");
        r.put("start", refused.start());
        r.put("levelUp", refused.levelUp());
        r.put("clear", refused.clear());
        ArrayNode messages = o.putArray("messages");
        for (Message m : s.messages()) {
            ObjectNode j = messages.addObject();
            j.put("atSeconds", round(m.atSeconds(), 3));
            j.put("kind", m.kind().name());
            j.put("text", m.text());
        }
        o.set("session", info(s.info()));
        if (s.end() == null) {
            o.putNull("end");
        } else {
            o.set("end", end(s.end()));
        }
        return o;
    }

    static ObjectNode info(SessionInfo i) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("device", i.device());
        ArrayNode levels = o.putArray("levelPpm");
        i.levelPpm().forEach(levels::add);
        o.put("firstLevel", i.firstLevel());
        o.put("lastLevel", i.lastLevel());
        o.put("limitSeconds", round(i.limitSeconds(), 3));
        o.put("warmupSeconds", round(i.warmupSeconds(), 3));
        o.put("rampPpmPerSecond", i.rampPpmPerSecond());
        o.put("zone", i.zone());
        return o;
    }

    static ObjectNode end(SessionEnd e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("stopped", e.stopped());
        o.put("runningSeconds", round(e.runningSeconds(), 3));
        o.put("topCommandedPpm", e.topCommandedPpm());
        o.put("topMeasuredPpm", e.topMeasuredPpm());
        o.put("exitCode", e.exitCode());
        ArrayNode lines = o.putArray("summary");
        e.summary().forEach(lines::add);
        return o;
    }

    /** Samples in columns, as the plot takes them. */
    static ObjectNode samples(SampleHistory.Chunk c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("firstSeq", c.firstSeq());
        column(o, "t", c.seconds(), 3);
        column(o, "targetPpm", c.targetPpm(), 0);
        column(o, "commandedPpm", c.commandedPpm(), 0);
        column(o, "measuredPpm", c.measuredPpm(), 0);
        column(o, "currentAmps", c.currentAmps(), 3);
        column(o, "temperatureCelsius", c.temperatureCelsius(), 2);
        return o;
    }

    static ObjectNode outcome(Outcome o) {
        ObjectNode j = MAPPER.createObjectNode();
        j.put("ok", o.ok());
        if (o.ok()) {
            j.put("message", o.message());
            j.put("takenByTick", o.takenByTick());
        } else {
            j.put("error", o.message());
        }
        return j;
    }

    static ObjectNode error(String message) {
        ObjectNode j = MAPPER.createObjectNode();
        j.put("ok", false);
        j.put("error", message);
        return j;
    }

    private static void column(ObjectNode o, String name, double[] values, int decimals) {
        ArrayNode a = o.putArray(name);
        for (double v : values) {
            if (decimals == 0) {
                a.add(Math.round(v));
            } else {
                a.add(round(v, decimals));
            }
        }
    }

    private static void putReading(ObjectNode o, String name, Double value, int decimals) {
        if (value == null || !Double.isFinite(value)) {
            o.putNull(name);
        } else {
            o.put(name, round(value, decimals));
        }
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
