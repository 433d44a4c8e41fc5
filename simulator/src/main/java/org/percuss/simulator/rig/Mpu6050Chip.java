package org.percuss.simulator.rig;

import org.percuss.device.gpio.I2cRegisters;
import org.percuss.simulator.physics.Sensors;

/**
 * An MPU-6050 as the rig's I2C bus sees it (register map rev. 4.2): WHO_AM_I 0x68, asleep at
 * power-on (PWR_MGMT_1 0x40, its data registers still), and once awake a new sample of its
 * accelerometer, temperature and gyro every {@link #OUTPUT_PERIOD_MILLIS} ms at the full-scale
 * ranges GYRO_CONFIG and ACCEL_CONFIG select.
 *
 * <p>The gyro sees the hand's motion plus the percussion's vibration through the chip's digital
 * low-pass filter (CONFIG's DLPF_CFG: 256, 188, 98, 42, 20, 10 or 5 Hz), modelled as two
 * first-order stages run every millisecond, {@code y += (x − y) · (1 − e^(−2π·f·dt))}; then its
 * zero-rate offset ({@link #BIAS_DPS}) and noise (0.05 °/s; 1.3 mg on the accelerometer, 400 µg/√Hz
 * over 10 Hz) are added. The gun points down with gravity along −z.
 */
final class Mpu6050Chip {

    static final int OUTPUT_PERIOD_MILLIS = 10;
    static final double[] BIAS_DPS = {1.2, -0.7, 0.4};
    private static final double GYRO_NOISE_DPS = 0.05;
    private static final double ACCEL_NOISE_G = 0.0013;
    private static final double[] DLPF_HZ = {256, 188, 98, 42, 20, 10, 5, 256};

    private final I2cRegisters registers;
    private final Sensors noise;
    private final double[] stage1 = new double[3];
    private final double[] stage2 = new double[3];
    private int millis;
    private int dlpf = -1;
    private double k;

    Mpu6050Chip(I2cRegisters registers, Sensors noise) {
        this.registers = registers;
        this.noise = noise;
        registers.setByte(0x75, 0x68);
        registers.setByte(0x6B, 0x40);
    }

    /** One millisecond of rotation at {@code rates} (°/s, x y z) and a die at {@code celsius}. */
    void step(double[] rates, double celsius) {
        int cfg = registers.byteAt(0x1A) & 0x7;
        if (cfg != dlpf) {
            dlpf = cfg;
            k = 1 - Math.exp(-2 * Math.PI * DLPF_HZ[cfg] * 0.001);
        }
        for (int i = 0; i < 3; i++) {
            stage1[i] += (rates[i] - stage1[i]) * k;
            stage2[i] += (stage1[i] - stage2[i]) * k;
        }
        if (++millis % OUTPUT_PERIOD_MILLIS != 0 || (registers.byteAt(0x6B) & 0x40) != 0) {
            return;
        }
        double gyroLsb = 131.0 / (1 << (registers.byteAt(0x1B) >> 3 & 0x3));
        double accelLsb = 16384.0 / (1 << (registers.byteAt(0x1C) >> 3 & 0x3));
        double[] g = {0, 0, -1};
        for (int i = 0; i < 3; i++) {
            put(0x3B + 2 * i, (g[i] + noise.noise(ACCEL_NOISE_G)) * accelLsb);
            put(0x43 + 2 * i, (stage2[i] + BIAS_DPS[i] + noise.noise(GYRO_NOISE_DPS)) * gyroLsb);
        }
        put(0x41, (celsius - 36.53) * 340);
    }

    private void put(int register, double value) {
        int v = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
        registers.setByte(register, v >> 8);
        registers.setByte(register + 1, v);
    }
}
