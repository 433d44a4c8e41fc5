package org.percuss.simulator.rig;

import org.percuss.device.gpio.I2cRegisters;

/**
 * An INA219 as the rig's I2C bus sees it, its registers made from the supply's current and voltage
 * as the datasheet says the chip makes them (section 8.5): the shunt voltage register in 10 µV,
 * clipped at the programmed range with the OVF flag set; the bus voltage (at VIN−, after the
 * shunt) in 4 mV in bits 15..3, with CNVR in bit 1 and OVF in bit 0; and the current register as
 * the chip computes it, {@code Shunt_Voltage_Register × Calibration / 4096}, so a rig that
 * calibrates it wrongly reads wrong currents. Power-on: configuration 0x399F, calibration 0
 * (current reads 0). A {@linkplain #setConverting stopped} converter leaves the registers as they
 * were.
 */
final class Ina219Chip {

    private static final double SHUNT_VOLTS_PER_LSB = 10e-6;
    private static final double BUS_VOLTS_PER_LSB = 0.004;

    private final I2cRegisters registers;
    private final double shuntOhms;
    private boolean converting = true;

    Ina219Chip(I2cRegisters registers, double shuntOhms) {
        this.registers = registers;
        this.shuntOhms = shuntOhms;
        registers.setWord(0x00, 0x399F);
        registers.setWord(0x05, 0);
    }

    /** A new conversion of {@code amps} through the shunt from a supply at {@code supplyVolts}. */
    void convert(double amps, double supplyVolts) {
        if (!converting) {
            return;
        }
        int pga = registers.word(0x00) >> 11 & 0x3;
        double range = 0.04 * (1 << pga);
        double shunt = amps * shuntOhms;
        boolean overflow = Math.abs(shunt) > range;
        int shuntLsbs = (int) Math.round(Math.max(-range, Math.min(range, shunt)) / SHUNT_VOLTS_PER_LSB);
        int bus = (int) Math.round(Math.max(0, Math.min(32, supplyVolts - shunt)) / BUS_VOLTS_PER_LSB);
        int calibration = registers.word(0x05) & 0xFFFE;
        long current = (long) shuntLsbs * calibration / 4096;
        registers.setWord(0x01, shuntLsbs);
        registers.setWord(0x02, bus << 3 | 0b10 | (overflow ? 1 : 0));
        registers.setWord(0x04, (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, current)));
    }

    /** Whether the chip converts (false: stuck, its registers frozen at the last result). */
    void setConverting(boolean value) {
        converting = value;
    }
}
