package org.percuss.device.gpio;

/**
 * An NTC thermistor in a voltage divider: the supply {@code V} through {@code R_s} to the
 * measuring node, the NTC from the node to ground. Pure arithmetic, both ways (the rig reads a
 * voltage; the simulator makes one from the thermal model).
 *
 * <pre>
 *   R(T)  = R25 · exp(B · (1/T − 1/T25))          the B-parameter equation, T in kelvin, T25 = 298.15 K
 *   v     = V · R / (R_s + R)                      the divider
 *   R     = R_s · v / (V − v)                      its inverse
 *   1/T   = 1/T25 + ln(R / R25) / B
 * </pre>
 *
 * A node within 2 % of either rail is no reading: near the supply the NTC is open (a cut wire,
 * below −40 °C for the usual parts), near ground it is shorted (above 150 °C).
 *
 * @param seriesOhms R_s
 * @param ntcOhms R25
 * @param beta B, kelvin
 * @param supplyVolts V
 */
public record NtcDivider(double seriesOhms, double ntcOhms, double beta, double supplyVolts) {

    private static final double T25 = 298.15;
    private static final double KELVIN = 273.15;
    /** How close to a rail the node may come and still be a reading, as a share of the supply. */
    static final double RAIL_MARGIN = 0.02;

    /** The node's voltage at {@code celsius}. */
    public double volts(double celsius) {
        double r = ntcOhms * Math.exp(beta * (1 / (celsius + KELVIN) - 1 / T25));
        return supplyVolts * r / (seriesOhms + r);
    }

    /** The temperature for a node at {@code volts}, °C; NaN when the node is at a rail (see the class comment). */
    public double celsius(double volts) {
        if (volts <= RAIL_MARGIN * supplyVolts || volts >= (1 - RAIL_MARGIN) * supplyVolts) {
            return Double.NaN;
        }
        double r = seriesOhms * volts / (supplyVolts - volts);
        return 1 / (1 / T25 + Math.log(r / ntcOhms) / beta) - KELVIN;
    }

    /** Why {@code volts} is no reading: open or shorted; {@code null} when it is one. */
    public String railProblem(double volts) {
        if (volts >= (1 - RAIL_MARGIN) * supplyVolts) {
            return "the NTC reads open (" + String.format("%.3f", volts) + " V of " + supplyVolts + " V: a cut wire?)";
        }
        if (volts <= RAIL_MARGIN * supplyVolts) {
            return "the NTC reads shorted (" + String.format("%.3f", volts) + " V)";
        }
        return null;
    }
}
