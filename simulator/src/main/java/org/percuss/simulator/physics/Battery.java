package org.percuss.simulator.physics;

/**
 * A 4-cell (4S) Li-ion pack: open-circuit voltage from the state of charge, an internal resistance,
 * and charge drawn down by the current taken:
 *
 * <pre>
 *   V_terminal = 4 · OCV(SoC) − I · R_int          dSoC/dt = −I / capacity
 * </pre>
 *
 * The per-cell OCV curve is a typical NMC 18650 discharge curve at low rate (4.20 V full, 3.0 V
 * empty, a long plateau near 3.7 V). Defaults: 2.5 Ah (one 18650 per series cell, as most guns
 * use), R_int 0.15 Ω for the pack with its wiring: at 3 A the supply sags 0.45 V. A weak or cold
 * pack (battery sag) has several times that resistance.
 */
public final class Battery {

    /** Cells in series. */
    public static final int CELLS = 4;
    /** Default capacity, ampere-hours. */
    public static final double CAPACITY_AH = 2.5;
    /** Default pack internal resistance, ohms. */
    public static final double INTERNAL_OHMS = 0.15;

    // Per-cell open-circuit voltage at 0 %, 5 %, 10 %, 20 % ... 100 % state of charge.
    private static final double[] SOC = {0, 0.05, 0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 1.00};
    private static final double[] OCV = {3.00, 3.30, 3.45, 3.55, 3.62, 3.68, 3.73, 3.79, 3.86, 3.94, 4.05, 4.20};
    // Each segment's slope, volts per unit of charge, divided out once: SLOPE[i] between points
    // i − 1 and i (SLOPE[0] unused). The lookup runs every 1 ms step; a multiplication instead of
    // a division moves the voltage by at most an ulp.
    private static final double[] SLOPE = slopes();

    /** 1 / the capacity in coulombs (Ah × 3600): the charge drawn each step multiplies, not divides. */
    private final double perCoulomb;
    private double internalOhms;
    private double stateOfCharge;
    private double currentAmps;
    // The table segment the charge was last in: it moves a hair a step, so the next lookup starts
    // here instead of searching the table 1,000 times a simulated second; the same arithmetic.
    private int segment = 1;

    public Battery(double stateOfCharge) {
        this(CAPACITY_AH, INTERNAL_OHMS, stateOfCharge);
    }

    public Battery(double capacityAh, double internalOhms, double stateOfCharge) {
        if (stateOfCharge < 0 || stateOfCharge > 1) {
            throw new IllegalArgumentException("state of charge must be 0..1, got " + stateOfCharge);
        }
        this.perCoulomb = 1 / (capacityAh * 3600);
        this.internalOhms = internalOhms;
        this.stateOfCharge = stateOfCharge;
    }

    /** One cell's open-circuit voltage at {@code soc}, interpolated linearly in the table. */
    public static double cellOpenCircuitVolts(double soc) {
        if (soc <= 0) {
            return OCV[0];
        }
        for (int i = 1; i < SOC.length; i++) {
            if (soc <= SOC[i]) {
                return interpolate(i, soc);
            }
        }
        return OCV[OCV.length - 1];
    }

    /** The OCV between table points {@code i − 1} and {@code i}. */
    private static double interpolate(int i, double soc) {
        return OCV[i - 1] + (soc - SOC[i - 1]) * SLOPE[i];
    }

    private static double[] slopes() {
        double[] slope = new double[SOC.length];
        for (int i = 1; i < SOC.length; i++) {
            slope[i] = (OCV[i] - OCV[i - 1]) / (SOC[i] - SOC[i - 1]);
        }
        return slope;
    }

    /** Draws {@code amps} (≥ 0; regeneration is not stored) for {@code dt} seconds. */
    public void step(double dt, double amps) {
        currentAmps = Math.max(0, amps);
        stateOfCharge = Math.max(0, stateOfCharge - currentAmps * dt * perCoulomb);
    }

    public double openCircuitVolts() {
        double soc = stateOfCharge;
        if (soc > 0 && soc > SOC[segment - 1] && soc <= SOC[segment]) {
            return CELLS * interpolate(segment, soc);
        }
        for (int i = 1; i < SOC.length; i++) {
            if (soc <= SOC[i]) {
                segment = i;
                break;
            }
        }
        return CELLS * cellOpenCircuitVolts(soc);
    }

    /** The terminal voltage under the present load. */
    public double terminalVolts() {
        return Math.max(0, openCircuitVolts() - currentAmps * internalOhms);
    }

    public double stateOfCharge() {
        return stateOfCharge;
    }

    public double internalOhms() {
        return internalOhms;
    }

    /** A weak, cold or damaged pack: a higher internal resistance. */
    public void setInternalOhms(double ohms) {
        internalOhms = ohms;
    }
}
