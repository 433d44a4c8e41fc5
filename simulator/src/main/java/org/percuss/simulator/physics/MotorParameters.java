package org.percuss.simulator.physics;

/**
 * The constants of a permanent-magnet DC motor (or a brushless motor driven as one), in SI units,
 * immutable like WPILib's {@code DCMotor}. Torque constant and back-EMF constant are the same
 * number in SI ({@code Kt = Ke}, N·m/A = V·s/rad).
 *
 * @param resistanceOhms winding plus driver resistance, R
 * @param torqueConstant Kt = Ke, N·m/A
 * @param inertia rotor plus mechanism inertia about the shaft, J, kg·m²
 * @param viscousFriction b, N·m·s/rad (air drag, bearing lubricant)
 * @param coulombFriction τc, N·m (bearings, seals, linkage), opposing motion whatever the speed
 * @param driverCurrentLimitAmps the driver clamps the winding current to ± this
 */
public record MotorParameters(double resistanceOhms, double torqueConstant, double inertia, double viscousFriction,
                              double coulombFriction, double driverCurrentLimitAmps) {

    /**
     * A massage-gun motor class: a small outrunner (a "2430"-size BLDC) on a 4-cell Li-ion pack.
     * Kv 320 rpm/V, so Ke = 60 / (2π · 320) = 0.02984 V·s/rad and free speed at 14.8 V is about
     * 4700 rpm: headroom above the 3500 ppm top under load and at low battery. R 0.6 Ω (winding
     * plus MOSFETs). J 3·10⁻⁵ kg·m²: rotor about half, eccentric and reflected head mass the rest.
     * Friction: 0.008 N·m Coulomb (0.27 A) plus 2·10⁻⁵ N·m·s/rad viscous, about 0.42 A in free air
     * at 2200 rpm, the no-load current such guns draw. The driver limits current to 8 A.
     * Mechanical time constant J·R / (Kt·Ke) = 20 ms; the electrical one, L/R with L ≈ 0.1 mH, is
     * 0.17 ms, far below it and below the 1 ms physics step, so the current is taken as settled
     * (quasi-static): i = (V − Ke·ω) / R.
     */
    public static final MotorParameters MASSAGE_GUN = new MotorParameters(0.6, 60 / (2 * Math.PI * 320), 3.0e-5,
            2.0e-5, 0.008, 8.0);

    public MotorParameters {
        if (!(resistanceOhms > 0 && torqueConstant > 0 && inertia > 0 && viscousFriction >= 0
                && coulombFriction >= 0 && driverCurrentLimitAmps > 0)) {
            throw new IllegalArgumentException("motor parameters must be positive: " + this);
        }
    }

    /** The speed at {@code volts} with no load and no friction, ω = V / Ke, in rpm. */
    public double freeSpeedRpm(double volts) {
        return volts / torqueConstant * 60 / (2 * Math.PI);
    }

    /** The mechanical time constant J·R / (Kt·Ke), seconds. */
    public double mechanicalTimeConstantSeconds() {
        return inertia * resistanceOhms / (torqueConstant * torqueConstant);
    }
}
