package org.percuss.simulator.scenario;

import java.time.Duration;

/**
 * The session a scenario runs, as {@code percuss run} would be asked for it.
 *
 * @param level the level to ramp to
 * @param limit the session's running-time limit
 * @param warmup the warm-up
 * @param zone the muscle group, or empty for none
 * @param zoneUsed how much of the zone's budget the last hour has already used
 * @param start whether the session starts at 0 s (else a step starts it)
 */
public record SessionSettings(int level, Duration limit, Duration warmup, String zone, Duration zoneUsed, boolean start) {
}
