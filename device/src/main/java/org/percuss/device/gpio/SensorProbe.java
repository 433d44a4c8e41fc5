package org.percuss.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.provider.Provider;
import java.util.Optional;

/**
 * Asks each I2C sensor of a rig whether it is there, as {@code percuss doctor} does: reading only
 * (an INA219's and an ADS1115's configuration register, an MPU-6050's WHO_AM_I), so that nothing is
 * changed on a rig that may be running. On this Pi's buses through Pi4J's linuxfs I2C, or on a
 * {@link VirtualI2c}.
 */
public final class SensorProbe implements AutoCloseable {

    private final Context pi4j;

    private SensorProbe(Provider i2c) {
        this.pi4j = Pi4J.newContextBuilder().add(i2c).build();
    }

    /** A probe of this Pi's I2C buses ({@code /dev/i2c-N}). */
    public static SensorProbe onThisPi() {
        return new SensorProbe(LinuxFsI2CProvider.newInstance());
    }

    /** A probe of the virtual Pi's buses. */
    public static SensorProbe on(VirtualI2c buses) {
        return new SensorProbe(new VirtualI2cProvider(buses));
    }

    /** Why the INA219 does not answer, or empty when it does. */
    public Optional<String> problem(CurrentSense c) {
        return ask(c.bus(), c.address(), Ina219::probe);
    }

    /** Why the MPU-6050 does not answer as one of its family, or empty when it does. */
    public Optional<String> problem(MotionSense m) {
        return ask(m.bus(), m.address(), Mpu6050::probe);
    }

    /** Why the ADS1115 does not answer, or empty when it does. */
    public Optional<String> problem(TemperatureSense.Ads1115Ntc a) {
        return ask(a.bus(), a.address(), Ads1115Ntc::probe);
    }

    private interface Question {
        void ask(I2cChip chip) throws SensorProblem;
    }

    private Optional<String> ask(int bus, int address, Question question) {
        String id = "percuss-probe-" + bus + "-" + Integer.toHexString(address);
        I2C i2c = null;
        try {
            i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id(id).bus(bus).device(address).build());
            question.ask(new I2cChip(i2c));
            return Optional.empty();
        } catch (SensorProblem p) {
            return Optional.of(p.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("no answer (" + PiGpio.rootCause(e) + ")");
        } finally {
            if (i2c != null) {
                try {
                    pi4j.registry().remove(id);
                } catch (RuntimeException ignored) {
                    // the probe's answer stands
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            pi4j.shutdown();
        } catch (RuntimeException ignored) {
            // nothing was changed on the buses
        }
    }
}
