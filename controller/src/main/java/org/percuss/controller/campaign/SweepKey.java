package org.percuss.controller.campaign;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.percuss.simulator.physics.MotorParameters;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.scenario.GunSettings;

/**
 * What {@code --sweep KEY=v1,v2,...} can vary: the gun's settings a scenario file sets under
 * {@code gun:} (the same keys, the same ranges) and the motor constant. A swept value replaces the
 * file's for the whole run; a step that sets the pressure later still does.
 */
public enum SweepKey {
    /** How hard the gun is pressed at the start, newtons. */
    PRESSURE("pressure_n", "N", 0, 300) {
        @Override
        GunSettings apply(GunSettings g, double v) {
            return new GunSettings(g.physics(), v, g.moving());
        }
    },
    /** The room's (and the gun's starting) temperature, °C. */
    AMBIENT("ambient_c", "°C", -40, 60) {
        @Override
        GunSettings apply(GunSettings g, double v) {
            return physics(g, g.physics().withAmbient(v));
        }
    },
    /** The battery's state of charge at the start, 0..1. */
    BATTERY_CHARGE("battery_soc", "", 0, 1) {
        @Override
        GunSettings apply(GunSettings g, double v) {
            return physics(g, g.physics().withStateOfCharge(v));
        }
    },
    /** The pack's internal resistance, ohms. */
    BATTERY_RESISTANCE("battery_ohms", "ohm", 0.01, 5) {
        @Override
        GunSettings apply(GunSettings g, double v) {
            PhysicsParameters p = g.physics();
            return physics(g, new PhysicsParameters(p.motor(), p.contact(), p.ambientCelsius(), p.stateOfCharge(), v));
        }
    },
    /**
     * The motor constant as a motor's datasheet gives it, Kv in rpm/V (320 for the default gun):
     * Kt = Ke = 60 / (2π·Kv). A lower Kv is a slower, stronger motor.
     */
    MOTOR_KV("motor_kv", "rpm/V", 100, 1000) {
        @Override
        GunSettings apply(GunSettings g, double v) {
            PhysicsParameters p = g.physics();
            MotorParameters m = p.motor();
            MotorParameters swept = new MotorParameters(m.resistanceOhms(), 60 / (2 * Math.PI * v), m.inertia(),
                    m.viscousFriction(), m.coulombFriction(), m.driverCurrentLimitAmps());
            return physics(g, new PhysicsParameters(swept, p.contact(), p.ambientCelsius(), p.stateOfCharge(),
                    p.batteryInternalOhms()));
        }
    };

    private final String key;
    private final String unit;
    private final double min;
    private final double max;

    SweepKey(String key, String unit, double min, double max) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    /** The gun with this parameter at {@code value}. */
    abstract GunSettings apply(GunSettings gun, double value);

    private static GunSettings physics(GunSettings g, PhysicsParameters p) {
        return new GunSettings(p, g.pressureNewtons(), g.moving());
    }

    /** As written on the command line: {@code pressure_n}. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The key named {@code key}, or null. */
    public static SweepKey of(String key) {
        for (SweepKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** Every key, for a message: {@code pressure_n, ambient_c, ...}. */
    public static String known() {
        return Arrays.stream(values()).map(SweepKey::key).collect(Collectors.joining(", "));
    }
}
