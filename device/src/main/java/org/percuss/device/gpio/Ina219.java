package org.percuss.device.gpio;

import org.percuss.device.guard.Persistence;

/**
 * The INA219 of {@link CurrentSense}: programs its range and calibration at open, then reads its
 * bus-voltage and current registers every sample, and its calibration register too, since a chip
 * that browned out comes back with calibration 0 and would report no current at all.
 *
 * <p>Registers (datasheet 8.6): 0x00 configuration, 0x02 bus voltage (bits 15..3 in 4 mV, bit 0
 * OVF: the shunt's voltage is outside the range and the current register means nothing), 0x04
 * current (signed, in {@link CurrentSense#currentLsbAmps()}), 0x05 calibration. The bus voltage is
 * measured at VIN−, after the shunt, so the supply is {@code V_bus + I × R_shunt}. An overflow reads
 * as the range's full current, which the config check keeps above the trip limit.
 *
 * <p>Stuck: a chip that stops converting keeps its last result; with the motor running the supply
 * current is never the same to the LSB for long, so the same two registers for
 * {@link #STUCK_NANOS} while the motor runs is a {@link SensorProblem}.
 */
final class Ina219 implements RigSensor {

    static final int CONFIGURATION = 0x00;
    static final int BUS_VOLTAGE = 0x02;
    static final int CURRENT = 0x04;
    static final int CALIBRATION = 0x05;
    static final double BUS_VOLTS_PER_LSB = 0.004;
    static final long STUCK_NANOS = 1_000_000_000L;

    private final CurrentSense config;
    private final I2cChip chip;
    private final double lsb;
    private final Persistence stuck = Persistence.resetting(STUCK_NANOS);
    private int lastBus = -1;
    private int lastCurrent;

    Ina219(CurrentSense config, I2cChip chip) {
        this.config = config;
        this.chip = chip;
        this.lsb = config.currentLsbAmps();
    }

    @Override
    public String name() {
        return config.name();
    }

    /** Whether a chip answers at the INA219's address, reading only (an INA219 has no id to ask for). */
    static void probe(I2cChip chip) throws SensorProblem {
        chip.readWord(CONFIGURATION);
    }

    /** Programs the chip and checks that it holds the configuration. */
    void open() throws SensorProblem {
        program();
        chip.expectKept(CONFIGURATION, config.configuration(), 0xFFFF, "INA219");
    }

    private void program() throws SensorProblem {
        chip.writeWord(CONFIGURATION, config.configuration());
        chip.writeWord(CALIBRATION, config.calibration());
    }

    @Override
    public void read(long nowNanos, Readings r) throws SensorProblem {
        int bus = chip.readWord(BUS_VOLTAGE);
        int current = (short) chip.readWord(CURRENT);
        if (chip.readWord(CALIBRATION) != config.calibration()) {
            program();
            throw new SensorProblem("lost its calibration (a reset?); programmed again");
        }
        boolean same = bus == lastBus && current == lastCurrent;
        lastBus = bus;
        lastCurrent = current;
        if (stuck.update(same && r.motorRunning, nowNanos)) {
            throw new SensorProblem("stuck: the same reading for " + STUCK_NANOS / 1_000_000 + " ms while the motor runs");
        }
        double amps = (bus & 1) != 0 ? config.maxAmps() : current * lsb;
        r.supplyAmps = amps;
        r.supplyVolts = (bus >>> 3) * BUS_VOLTS_PER_LSB + amps * config.shuntOhms();
    }
}
