package org.percuss.device.gpio;

import java.util.Arrays;
import org.percuss.device.guard.Persistence;

/**
 * The MPU-6050 of {@link MotionSense} (or a register-compatible chip of its family): checks
 * WHO_AM_I and sets the chip up at open, then reads its 14 data bytes every sample and hands the
 * rotation rates to a {@link MotionDetector}.
 *
 * <p>Set-up (register map rev. 4.2): PWR_MGMT_1 (0x6B) = 0x01, awake on the X gyro's clock;
 * SMPLRT_DIV (0x19) = 9, 100 Hz; CONFIG (0x1A) = 0x05, the digital low-pass at 10 Hz, which keeps
 * the percussion's vibration out; GYRO_CONFIG (0x1B) = 0x08, ±500 °/s, 65.5 LSB per °/s;
 * ACCEL_CONFIG (0x1C) = 0x08, ±4 g. Data: ACCEL_XOUT_H (0x3B) on, accelerometer, temperature and
 * gyro, signed 16-bit, most significant byte first.
 *
 * <p>Stuck: the accelerometer's noise (about 10 LSB at ±4 g) moves the data on every sample; the
 * same 14 bytes for {@link #STUCK_NANOS} is a chip that stopped (asleep after a reset of its own).
 */
final class Mpu6050 implements RigSensor {

    static final int WHO_AM_I = 0x75;
    static final int PWR_MGMT_1 = 0x6B;
    static final int SMPLRT_DIV = 0x19;
    static final int CONFIG = 0x1A;
    static final int GYRO_CONFIG = 0x1B;
    static final int ACCEL_CONFIG = 0x1C;
    static final int DATA = 0x3B;
    /** WHO_AM_I of the family: MPU-6050 and MPU-6000, MPU-6500, MPU-9250, MPU-9255. */
    static final int[] FAMILY = {0x68, 0x70, 0x71, 0x73};
    static final double GYRO_LSB_PER_DPS = 65.5;
    static final long STUCK_NANOS = 1_000_000_000L;

    private final MotionSense config;
    private final I2cChip chip;
    private final MotionDetector detector;
    private final byte[] data = new byte[14];
    private final byte[] last = new byte[14];
    private final Persistence stuck = Persistence.resetting(STUCK_NANOS);

    Mpu6050(MotionSense config, I2cChip chip) {
        this.config = config;
        this.chip = chip;
        this.detector = new MotionDetector(config.thresholdDps());
        Arrays.fill(last, (byte) 0x5A);
    }

    @Override
    public String name() {
        return config.name();
    }

    /** Checks that the chip answers as one of the family, reading only. */
    static void probe(I2cChip chip) throws SensorProblem {
        int who = chip.readByte(WHO_AM_I);
        if (Arrays.stream(FAMILY).noneMatch(f -> f == who)) {
            throw new SensorProblem(String.format("answers WHO_AM_I 0x%02x: not an MPU-6050-family chip (0x68, 0x70, 0x71, 0x73)",
                    who));
        }
    }

    /** Checks that the chip is of the family and sets it up. */
    void open() throws SensorProblem {
        probe(chip);
        chip.writeByte(PWR_MGMT_1, 0x01);
        chip.writeByte(SMPLRT_DIV, 9);
        chip.writeByte(CONFIG, 0x05);
        chip.writeByte(GYRO_CONFIG, 0x08);
        chip.writeByte(ACCEL_CONFIG, 0x08);
    }

    @Override
    public void read(long nowNanos, Readings r) throws SensorProblem {
        chip.read(DATA, data);
        boolean same = Arrays.equals(data, last);
        System.arraycopy(data, 0, last, 0, data.length);
        if (stuck.update(same, nowNanos)) {
            throw new SensorProblem("stuck: the same reading for " + STUCK_NANOS / 1_000_000 + " ms (asleep after a reset?)");
        }
        r.moving = detector.update(nowNanos, word(8) / GYRO_LSB_PER_DPS, word(10) / GYRO_LSB_PER_DPS,
                word(12) / GYRO_LSB_PER_DPS);
    }

    private int word(int at) {
        return (short) ((data[at] & 0xFF) << 8 | data[at + 1] & 0xFF);
    }
}
