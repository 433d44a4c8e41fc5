package org.percuss.simulator.physics;

/**
 * The winding and driver as one lumped thermal mass C (J/K) cooled to ambient through a thermal
 * resistance R_th (K/W):
 *
 * <pre>
 *   C · dT/dt = P − (T − T_amb) / R_th
 * </pre>
 *
 * With P held over a step the exact solution is {@code T(t+dt) = T_ss + (T − T_ss)·e^(−dt/τ)},
 * {@code T_ss = T_amb + P·R_th}, {@code τ = R_th·C}, so the result does not depend on the step.
 * Defaults: C = 50 J/K (about 130 g of copper and iron), R_th = 6 K/W with the fan and vents
 * working (τ = 300 s; 8 W, pressing hard, settles 48 K above ambient). Losing the cooling raises
 * R_th to 60 K/W: the heat stays in and the temperature climbs towards a far higher end point.
 */
public final class ThermalModel {

    /** Thermal capacity, J/K. */
    public static final double CAPACITY_J_PER_K = 50;
    /** Thermal resistance to ambient with cooling, K/W. */
    public static final double COOLED_K_PER_W = 6;
    /** Thermal resistance to ambient when the cooling is lost, K/W. */
    public static final double UNCOOLED_K_PER_W = 60;

    private final double capacity;
    private final double cooledResistance;
    private final double uncooledResistance;
    private double ambientCelsius;
    private double temperatureCelsius;
    private boolean coolingLost;
    // e^(−dt/τ) for the last step's dt and R_th: the board steps at a fixed 1 ms, so it is computed
    // once per change of cooling instead of 900,000 times a 15-minute session; the same value, bit for bit.
    private double decayDt = Double.NaN;
    private double decayRth = Double.NaN;
    private double decay;

    public ThermalModel(double ambientCelsius) {
        this(CAPACITY_J_PER_K, COOLED_K_PER_W, UNCOOLED_K_PER_W, ambientCelsius);
    }

    public ThermalModel(double capacity, double cooledResistance, double uncooledResistance, double ambientCelsius) {
        this.capacity = capacity;
        this.cooledResistance = cooledResistance;
        this.uncooledResistance = uncooledResistance;
        this.ambientCelsius = ambientCelsius;
        this.temperatureCelsius = ambientCelsius;
    }

    /** Advances by {@code dt} seconds with {@code powerWatts} of heat going in. */
    public void step(double dt, double powerWatts) {
        double rth = coolingLost ? uncooledResistance : cooledResistance;
        double steady = ambientCelsius + powerWatts * rth;
        if (dt != decayDt || rth != decayRth) {
            decay = Math.exp(-dt / (rth * capacity));
            decayDt = dt;
            decayRth = rth;
        }
        temperatureCelsius = steady + (temperatureCelsius - steady) * decay;
    }

    public double temperatureCelsius() {
        return temperatureCelsius;
    }

    /** The time constant now, seconds. */
    public double timeConstantSeconds() {
        return (coolingLost ? uncooledResistance : cooledResistance) * capacity;
    }

    /** Cooling lost (a stopped fan, blocked vents) or restored. */
    public void setCoolingLost(boolean lost) {
        coolingLost = lost;
    }

    public void setAmbientCelsius(double celsius) {
        ambientCelsius = celsius;
    }
}
