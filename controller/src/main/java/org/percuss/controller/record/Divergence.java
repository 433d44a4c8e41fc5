package org.percuss.controller.record;

import java.util.List;

/**
 * The first tick at which a replay decided otherwise than the recording.
 *
 * @param tick the tick's number, from 1
 * @param seconds its time from the first tick
 * @param recorded what the recording decided
 * @param now what today's controller decided
 * @param recordedMessages what the recorded loop said on that tick
 * @param nowMessages what the replayed loop said
 * @param differences what differs: {@code state}, {@code latched faults}, {@code messages}, …
 * @param rule the rule (or the part of the controller) involved, in words
 */
public record Divergence(int tick, double seconds, Decisions recorded, Decisions now, List<Message> recordedMessages,
                         List<Message> nowMessages, List<String> differences, String rule) {

    public Divergence {
        recordedMessages = List.copyOf(recordedMessages);
        nowMessages = List.copyOf(nowMessages);
        differences = List.copyOf(differences);
    }
}
