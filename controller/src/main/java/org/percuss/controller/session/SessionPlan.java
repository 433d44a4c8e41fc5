package org.percuss.controller.session;

import java.time.Duration;
import java.util.Optional;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;

/**
 * What a session runs against, set up in one place for {@code run} and {@code simulate}: the
 * configuration's limits and, on a zone, the zone's maximum level and what its budget has left
 * (from the usage ledger for a real session, from a scenario's {@code zone_used} for a simulated
 * one). The session stops at its own limit or at the zone's budget, whichever comes first.
 *
 * @param config the session's configuration (its limit and warning)
 * @param zone the muscle group, if any
 * @param zoneLeft the zone's budget left (ignored without a zone)
 */
public record SessionPlan(PercussConfig config, Optional<Zone> zone, Duration zoneLeft) {

    /** A session on no zone. */
    public static SessionPlan of(PercussConfig config) {
        return new SessionPlan(config, Optional.empty(), Duration.ZERO);
    }

    /** A session on {@code zone}, with {@code left} of its budget. */
    public static SessionPlan onZone(PercussConfig config, Zone zone, Duration left) {
        return new SessionPlan(config, Optional.of(zone), left);
    }

    /** The session's timer: its own limit, or the zone's budget left when that is less. */
    public SessionTimer timer() {
        long limit = config.sessionLimit().toNanos();
        long warning = config.sessionWarning().toNanos();
        return zone.map(z -> new SessionTimer(limit, zoneLeft.toNanos(), z.name(), warning))
                .orElseGet(() -> new SessionTimer(limit, warning));
    }

    /** The highest level the session may use: the zone's maximum, or 0 for no cap. */
    public int maxLevel() {
        return zone.map(Zone::maxLevel).orElse(0);
    }
}
