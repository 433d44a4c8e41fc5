package org.percuss.controller.live;

import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.SpeedBounds;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;

/**
 * What does not change during a session: the device, the levels it may use, the limit, the warm-up
 * and the ramp, and which sensors the device has (a reading without its sensor means nothing).
 *
 * @param device the device's name
 * @param levelPpm the speed of every configured level, level 1 first
 * @param firstLevel the lowest usable level
 * @param lastLevel the highest usable level (the device's range, the zone's maximum)
 * @param limitSeconds the most running time of this session
 * @param warmupSeconds how long every start holds the lowest level
 * @param rampPpmPerSecond the fastest increase
 * @param zone the muscle group, or null
 * @param hasCurrent whether the device measures the motor current
 * @param hasTemperature whether it measures a temperature
 * @param hasSupply whether it measures its supply voltage
 */
public record SessionInfo(String device, List<Integer> levelPpm, int firstLevel, int lastLevel, double limitSeconds,
                          double warmupSeconds, int rampPpmPerSecond, String zone, boolean hasCurrent,
                          boolean hasTemperature, boolean hasSupply) {

    public SessionInfo {
        levelPpm = List.copyOf(levelPpm);
    }

    /** The facts of {@code loop}'s session, run with {@code config}, on {@code zone} (null for none). */
    public static SessionInfo of(ControlLoop loop, PercussConfig config, String zone) {
        SpeedBounds bounds = loop.bounds();
        List<Integer> ppm = new ArrayList<>();
        for (int level = 1; level <= bounds.levels().count(); level++) {
            ppm.add(bounds.ppmOf(level));
        }
        Capabilities caps = loop.device().capabilities();
        return new SessionInfo(loop.device().name(), ppm, bounds.firstLevel(), bounds.lastLevel(),
                loop.sessionLimitNanos() / 1e9, config.warmup().toNanos() / 1e9, config.rampPpmPerSecond(), zone,
                caps.has(Capability.CURRENT_SENSE), caps.has(Capability.TEMPERATURE),
                caps.has(Capability.SUPPLY_VOLTAGE));
    }
}
