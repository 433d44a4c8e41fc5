package org.percuss.simulator.rig;

import org.percuss.device.gpio.I2cRegisters;

/**
 * An ADS1115 as the rig's I2C bus sees it: it converts the input its configuration's MUX selects
 * (single-ended inputs only: MUX 100..111 is AIN0..AIN3 against ground; the power-on 000,
 * AIN0 − AIN1, reads 0) at its PGA's full scale (±6.144, 4.096, 2.048, 1.024, 0.512, 0.256 V), as
 * a signed 16-bit code, clipped (datasheet 9.3.3). Power-on configuration 0x8583.
 */
final class Ads1115Chip {

    private static final double[] FULL_SCALE = {6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256};

    private final I2cRegisters registers;
    private final double[] inputs = new double[4];

    Ads1115Chip(I2cRegisters registers) {
        this.registers = registers;
        registers.setWord(0x01, 0x8583);
    }

    /** Sets input AIN{@code channel} to {@code volts} and converts. */
    void convert(int channel, double volts) {
        inputs[channel] = volts;
        int config = registers.word(0x01);
        int mux = config >> 12 & 0x7;
        double v = mux >= 4 ? inputs[mux - 4] : 0;
        double fullScale = FULL_SCALE[config >> 9 & 0x7];
        long code = Math.round(v / fullScale * 32768);
        registers.setWord(0x00, (int) Math.max(-32768, Math.min(32767, code)));
    }
}
