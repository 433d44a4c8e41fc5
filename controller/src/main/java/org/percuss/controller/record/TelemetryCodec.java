package org.percuss.controller.record;

import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;

/**
 * One side of the TELEMETRY record (docs/recording.md): a report as the difference from the report
 * before it, exact to the bit. The writer and the reader each keep one, fed the same reports, so
 * they predict alike. A field equal to its prediction is left out; the mask says which are there:
 *
 * <pre>
 *   bit 0  received   zigzag(receivedNanos − (previous + telemetry period))
 *   bit 1  measured   zigzag(ppm − previous)
 *   bit 2/3 current   zigzag(mA − previous mA) when exact in mA, else (bit 3) the 8 raw IEEE-754 bytes
 *   bit 4/5 temperature, in 0.1 °C the same way
 *   bit 6/7 supply, in mV the same way
 *   bit 8  inputs     varint bits
 *   bit 9  faults     varint bits
 *   bit 10 uptime     zigzag(uptimeMillis − (previous + telemetry period))
 * </pre>
 *
 * A double is "exact in mA" when {@code round(v × 1000) / 1000.0} gives back the same 64 bits: the
 * wire carries mA, 0.1 °C and mV, and every driver builds its doubles that way, so reports cost a
 * byte or two a field; anything else (a frozen simulated sensor) is kept whole. Everything starts
 * at zero. Encoding allocates nothing.
 */
final class TelemetryCodec {

    static final int RECEIVED = 1;
    static final int MEASURED = 1 << 1;
    static final int CURRENT = 1 << 2;
    static final int CURRENT_RAW = 1 << 3;
    static final int TEMPERATURE = 1 << 4;
    static final int TEMPERATURE_RAW = 1 << 5;
    static final int SUPPLY = 1 << 6;
    static final int SUPPLY_RAW = 1 << 7;
    static final int INPUTS = 1 << 8;
    static final int FAULTS = 1 << 9;
    static final int UPTIME = 1 << 10;
    static final int ALL = (1 << 11) - 1;

    private static final double MILLI = 1000.0;
    private static final double DECI = 10.0;

    private final long periodNanos;
    private final long periodMillis;
    private long received;
    private int measured;
    private final Scaled current = new Scaled(MILLI);
    private final Scaled temperature = new Scaled(DECI);
    private final Scaled supply = new Scaled(MILLI);
    private int inputs;
    private int faults;
    private long uptime;

    /** @param periodMillis the device's telemetry period, what the times are predicted with */
    TelemetryCodec(int periodMillis) {
        this.periodMillis = periodMillis;
        this.periodNanos = periodMillis * 1_000_000L;
    }

    /** Writes the TELEMETRY record of {@code t} (tag included) and takes it as the new reference. */
    void encode(Telemetry t, RecordBuffer out) {
        long receivedDelta = t.receivedNanos() - (received + periodNanos);
        long uptimeDelta = t.uptimeMillis() - (uptime + periodMillis);
        int mask = (receivedDelta != 0 ? RECEIVED : 0) | (t.measuredPpm() != measured ? MEASURED : 0)
                | current.kind(t.currentAmps(), CURRENT, CURRENT_RAW)
                | temperature.kind(t.temperatureCelsius(), TEMPERATURE, TEMPERATURE_RAW)
                | supply.kind(t.supplyVolts(), SUPPLY, SUPPLY_RAW)
                | (t.inputs().bits() != inputs ? INPUTS : 0) | (t.faults().bits() != faults ? FAULTS : 0)
                | (uptimeDelta != 0 ? UPTIME : 0);
        out.put(RecordFormat.TELEMETRY);
        out.putVarint(mask);
        if ((mask & RECEIVED) != 0) {
            out.putZigzag(receivedDelta);
        }
        if ((mask & MEASURED) != 0) {
            out.putZigzag((long) t.measuredPpm() - measured);
        }
        current.write(t.currentAmps(), mask, CURRENT, CURRENT_RAW, out);
        temperature.write(t.temperatureCelsius(), mask, TEMPERATURE, TEMPERATURE_RAW, out);
        supply.write(t.supplyVolts(), mask, SUPPLY, SUPPLY_RAW, out);
        if ((mask & INPUTS) != 0) {
            out.putVarint(t.inputs().bits() & 0xFFFF_FFFFL);
        }
        if ((mask & FAULTS) != 0) {
            out.putVarint(t.faults().bits() & 0xFFFF_FFFFL);
        }
        if ((mask & UPTIME) != 0) {
            out.putZigzag(uptimeDelta);
        }
        received = t.receivedNanos();
        measured = t.measuredPpm();
        inputs = t.inputs().bits();
        faults = t.faults().bits();
        uptime = t.uptimeMillis();
    }

    /** Reads a TELEMETRY record's fields (the tag already read) and takes it as the new reference. */
    Telemetry decode(RecordInput in) throws RecordInput.Malformed {
        long mask = in.varint();
        if ((mask & ~ALL) != 0 || (mask & CURRENT) != 0 && (mask & CURRENT_RAW) != 0
                || (mask & TEMPERATURE) != 0 && (mask & TEMPERATURE_RAW) != 0 || (mask & SUPPLY) != 0 && (mask & SUPPLY_RAW) != 0) {
            throw new RecordInput.Malformed("a telemetry record with the field mask 0x" + Long.toHexString(mask));
        }
        received += periodNanos + ((mask & RECEIVED) != 0 ? in.zigzag() : 0);
        if ((mask & MEASURED) != 0) {
            measured = (int) (measured + in.zigzag());
        }
        double amps = current.read(in, mask, CURRENT, CURRENT_RAW);
        double celsius = temperature.read(in, mask, TEMPERATURE, TEMPERATURE_RAW);
        double volts = supply.read(in, mask, SUPPLY, SUPPLY_RAW);
        if ((mask & INPUTS) != 0) {
            inputs = (int) in.varint();
        }
        if ((mask & FAULTS) != 0) {
            faults = (int) in.varint();
        }
        uptime += periodMillis + ((mask & UPTIME) != 0 ? in.zigzag() : 0);
        return new Telemetry(received, measured, amps, celsius, volts, new Inputs(inputs), new FaultSet(faults), uptime);
    }

    /** One double field: its last value, and that value in the field's unit (mA, 0.1 °C, mV). */
    private static final class Scaled {
        private final double scale;
        private long bits; // of 0.0
        private long units;
        private long next; // the units of the value kind() just looked at

        Scaled(double scale) {
            this.scale = scale;
        }

        /** The mask bit for {@code v}: none when unchanged, {@code exact} when a whole number of units gives it back, else {@code raw}. */
        int kind(double v, int exact, int raw) {
            long b = Double.doubleToRawLongBits(v);
            if (b == bits) {
                return 0;
            }
            next = Math.round(v * scale);
            return Double.doubleToRawLongBits(next / scale) == b ? exact : raw;
        }

        /** Writes the field as {@link #kind} chose (it must have looked at {@code v} just before). */
        void write(double v, int mask, int exact, int raw, RecordBuffer out) {
            long u = next;
            if ((mask & exact) != 0) {
                out.putZigzag(u - units);
            } else if ((mask & raw) != 0) {
                out.putLongLE(Double.doubleToRawLongBits(v));
            } else {
                return;
            }
            bits = Double.doubleToRawLongBits(v);
            units = u;
        }

        double read(RecordInput in, long mask, int exact, int raw) throws RecordInput.Malformed {
            if ((mask & exact) != 0) {
                units += in.zigzag();
                double v = units / scale;
                bits = Double.doubleToRawLongBits(v);
            } else if ((mask & raw) != 0) {
                bits = in.longLE();
                units = Math.round(Double.longBitsToDouble(bits) * scale);
            }
            return Double.longBitsToDouble(bits);
        }
    }
}
