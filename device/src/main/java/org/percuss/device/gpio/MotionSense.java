package org.percuss.device.gpio;

import org.percuss.device.setting.Setting;

/**
 * An MPU-6050 accelerometer and gyro (or a register-compatible chip of its family: MPU-6000,
 * MPU-6500, MPU-9250, MPU-9255) on I2C ({@code gpio.sensors.motion}), telling whether the gun is
 * being moved across the body: {@link MotionDetector} says how.
 *
 * @param bus the I2C bus
 * @param address the chip's 7-bit address (0x68, or 0x69 with AD0 high)
 * @param thresholdDps the rotation rate that counts as moving, degrees per second
 */
public record MotionSense(int bus, int address, double thresholdDps) {

    /** The key path of the section. */
    public static final String KEY = "gpio.sensors.motion";

    public static final int DEFAULT_ADDRESS = 0x68;
    public static final double DEFAULT_THRESHOLD_DPS = 10;
    public static final double MIN_THRESHOLD_DPS = 2;
    public static final double MAX_THRESHOLD_DPS = 100;

    public static final Setting BUS = I2cBus.bus(KEY);
    public static final Setting ADDRESS = I2cBus.address(KEY);
    public static final Setting THRESHOLD_DPS = Setting.number(KEY + ".threshold_dps", MIN_THRESHOLD_DPS, MAX_THRESHOLD_DPS,
            "°/s");

    public MotionSense {
        BUS.require(bus);
        ADDRESS.require(address);
        THRESHOLD_DPS.require(thresholdDps);
    }

    /** "MPU-6050 at 0x68 on bus 1". */
    public String name() {
        return "MPU-6050 " + I2cBus.where(bus, address);
    }
}
