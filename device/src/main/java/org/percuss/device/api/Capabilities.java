package org.percuss.device.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a device can do: its speed range, its optional sensors, and the timing of its link.
 *
 * @param minPpm the lowest speed the device runs at, in percussions per minute
 * @param maxPpm the highest speed the device runs at
 * @param features the optional sensors and inputs present
 * @param watchdogMillis the device stops the motor when the host is silent this long
 * @param telemetryPeriodMillis the device reports telemetry this often
 */
public record Capabilities(int minPpm, int maxPpm, Set<Capability> features, int watchdogMillis,
                           int telemetryPeriodMillis) {

    public Capabilities {
        if (minPpm <= 0 || maxPpm < minPpm || maxPpm > 0xFFFF) {
            throw new IllegalArgumentException(
                    "device speed range must satisfy 0 < min_ppm <= max_ppm <= 65535, got ["
                            + minPpm + ", " + maxPpm + "]");
        }
        if (watchdogMillis <= 0) {
            throw new IllegalArgumentException("watchdog must be positive, got " + watchdogMillis + " ms");
        }
        if (telemetryPeriodMillis <= 0) {
            throw new IllegalArgumentException(
                    "telemetry period must be positive, got " + telemetryPeriodMillis + " ms");
        }
        // An unmodifiable EnumSet: has() is asked by the safety rules on every tick, and a bit test
        // beats Set.copyOf's hash probe (3 % of a simulated session).
        features = Collections.unmodifiableSet(features.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(features));
    }

    public boolean has(Capability capability) {
        return features.contains(capability);
    }

    /** The capabilities from the protocol's {@code capabilities} byte. */
    public static Set<Capability> featuresFromWire(int bits) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) {
            if ((bits & c.mask()) != 0) {
                set.add(c);
            }
        }
        return set;
    }

    /** The protocol's {@code capabilities} byte for these features. */
    public int featuresToWire() {
        int bits = 0;
        for (Capability c : features) {
            bits |= c.mask();
        }
        return bits;
    }
}
