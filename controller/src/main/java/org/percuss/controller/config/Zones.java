package org.percuss.controller.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The zones a configuration knows, in order. The defaults: neck,
 * shoulders, upper-back, lower-back, arms, glutes, thighs, calves, each 15 minutes per hour, the
 * neck at most level 2.
 *
 * @param zones the zones, names unique
 */
public record Zones(List<Zone> zones) {

    /** The default zones. */
    public static final Zones DEFAULT = new Zones(List.of(
            new Zone("neck", HardLimits.MAX_SESSION, 2),
            Zone.of("shoulders"), Zone.of("upper-back"), Zone.of("lower-back"), Zone.of("arms"),
            Zone.of("glutes"), Zone.of("thighs"), Zone.of("calves")));

    public Zones {
        zones = List.copyOf(zones);
        Set<String> seen = new HashSet<>();
        for (Zone z : zones) {
            if (!seen.add(z.name())) {
                throw new IllegalArgumentException("zone " + z.name() + " is defined twice");
            }
        }
    }

    /** The zone called {@code name}. */
    public Optional<Zone> find(String name) {
        return zones.stream().filter(z -> z.name().equals(name)).findFirst();
    }

    /** The names, in order, for messages. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        zones.forEach(z -> out.add(z.name()));
        return out;
    }
}
