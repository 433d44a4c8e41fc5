package org.percuss.controller.record;

import java.time.Duration;
import java.util.Optional;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;
import org.percuss.controller.session.SessionPlan;

/**
 * What a recorded session ran against beyond its configuration: the zone and how much of its budget
 * was used before (from the usage ledger, or a scenario's {@code zone_used}), and the session's own
 * limit and warm-up as the command line or the scenario gave them. Replaying with another
 * configuration applies these on top of it, the way the recorded command would have.
 *
 * @param zone the muscle group, if any, as the recorded configuration had it
 * @param zoneUsed the zone's running time used in the hour before the session
 * @param limit the session limit given on the command line or in the scenario, if any
 * @param warmup the warm-up given on the command line or in the scenario, if any
 * @param fileIsCeiling {@code run}: a configuration file's limit is a ceiling and its warm-up a floor
 *        for the command line's; {@code simulate}: the scenario's settings replace the file's
 * @param endsWhenStopped whether the session's ticks end when the loop stops ({@code run}) or run on
 *        to a fixed time ({@code simulate})
 */
public record RecordedSession(Optional<Zone> zone, Duration zoneUsed, Optional<Duration> limit, Optional<Duration> warmup,
                              boolean fileIsCeiling, boolean endsWhenStopped) {

    public RecordedSession {
        if (zoneUsed.isNegative()) {
            throw new IllegalArgumentException("a zone's used time cannot be negative, got " + zoneUsed);
        }
    }

    /** A {@code percuss run} session: the command line's options, the zone and what the ledger said. */
    public static RecordedSession ofRun(Optional<Zone> zone, Duration zoneLeft, Optional<Duration> limit,
                                        Optional<Duration> warmup) {
        return new RecordedSession(zone, used(zone, zoneLeft), limit, warmup, true, true);
    }

    /** A scenario of {@code percuss simulate}: its session's limit and warm-up, its zone and {@code zone_used}. */
    public static RecordedSession ofScenario(Optional<Zone> zone, Duration zoneUsed, Duration limit, Duration warmup) {
        return new RecordedSession(zone, zone.isPresent() ? zoneUsed : Duration.ZERO, Optional.of(limit),
                Optional.of(warmup), false, false);
    }

    private static Duration used(Optional<Zone> zone, Duration left) {
        return zone.map(z -> {
            Duration used = z.budget().minus(left);
            return used.isNegative() ? Duration.ZERO : used;
        }).orElse(Duration.ZERO);
    }

    /**
     * {@code config} with this session's limit and warm-up applied as the recorded command applied
     * them: a scenario's replace the file's; the command line's only shorten the limit and lengthen
     * the warm-up of a file.
     */
    public PercussConfig applyTo(PercussConfig config) {
        PercussConfig c = config;
        if (limit.isPresent()) {
            Duration l = limit.get();
            c = c.withSessionLimit(fileIsCeiling && l.compareTo(c.sessionLimit()) > 0 ? c.sessionLimit() : l);
        }
        if (warmup.isPresent()) {
            Duration w = warmup.get();
            c = c.withWarmup(fileIsCeiling && w.compareTo(c.warmup()) < 0 ? c.warmup() : w);
        }
        return c;
    }

    /**
     * The session plan under {@code config}: its zone by the recorded name (the configuration's
     * definition of it when it has one), with that zone's budget less the time used before.
     *
     * @throws IllegalArgumentException when the zone has nothing left under {@code config}
     */
    public SessionPlan plan(PercussConfig config) {
        if (zone.isEmpty()) {
            return SessionPlan.of(config);
        }
        Zone z = config.zones().find(zone.get().name()).orElse(zone.get());
        Duration left = z.budget().minus(zoneUsed);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalArgumentException("zone " + z.name() + " has nothing left of its " + z.budget().toMinutes()
                    + " minutes: " + zoneUsed.toSeconds() + " s were used before the session");
        }
        return SessionPlan.onZone(config, z, left);
    }
}
