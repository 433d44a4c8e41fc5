package org.percuss.device.gpio;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.percuss.device.api.Capability;
import org.percuss.device.guard.Persistence;

/**
 * The rig's sensors, read together every sample: what they measured, in {@link #readings()}, and
 * which has failed. A {@link SensorProblem} that lasts {@link #FAIL_AFTER_NANOS} (five samples at
 * the default 20 ms: one lost transfer on a noisy bus is not a failure) is a failed sensor, named
 * with its problem: "INA219 at 0x40 on bus 1: no answer". While a sensor fails, its last good
 * readings are kept (a dead voltage monitor must not also read as a flat battery). A failed sensor
 * is a failure until it reads well again.
 */
final class SensorBank {

    static final long FAIL_AFTER_NANOS = 100_000_000L;

    private final RigSensor[] sensors;
    private final Persistence[] failing;
    private final String[] failure;
    private final Readings readings = new Readings();
    private final Set<Capability> capabilities;

    SensorBank(List<RigSensor> sensors, Set<Capability> capabilities) {
        this.sensors = sensors.toArray(RigSensor[]::new);
        this.failing = new Persistence[this.sensors.length];
        this.failure = new String[this.sensors.length];
        for (int i = 0; i < failing.length; i++) {
            failing[i] = Persistence.resetting(FAIL_AFTER_NANOS);
        }
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    /** What the sensors present can sense. */
    Set<Capability> capabilities() {
        return capabilities;
    }

    /** The latest readings; set {@link Readings#motorRunning} before {@link #sample}. */
    Readings readings() {
        return readings;
    }

    /**
     * Reads every sensor at {@code nowNanos}.
     *
     * @return the first failed sensor as "name: problem", or {@code null} when none has failed
     */
    String sample(long nowNanos) {
        String first = null;
        for (int i = 0; i < sensors.length; i++) {
            try {
                sensors[i].read(nowNanos, readings);
                failing[i].update(false, nowNanos);
            } catch (SensorProblem p) {
                String text = sensors[i].name() + ": " + p.getMessage();
                if (!text.equals(failure[i])) {
                    failure[i] = text;
                }
                if (failing[i].update(true, nowNanos) && first == null) {
                    first = failure[i];
                }
            }
        }
        return first;
    }
}
