package org.percuss.device.gpio;

import org.percuss.device.guard.Persistence;

/**
 * The NTC on an ADS1115 of {@link TemperatureSense.Ads1115Ntc}: the ADC converts its input
 * continuously, and every sample reads the latest result and the configuration (a chip that reset
 * comes back on AIN0 against AIN1, single-shot, and its readings would be someone else's).
 *
 * <p>Configuration (datasheet 9.6.3): MUX = 100 + channel (the input against ground), PGA = 001
 * (±4.096 V, 125 µV per LSB), MODE = 0 (continuous), DR = 100 (128 samples/s), comparator off.
 * The conversion register is signed; volts = code × 4.096 / 32768; {@link NtcDivider} turns the
 * node's voltage into the motor's temperature, and a node at a rail into an open or shorted NTC.
 *
 * <p>Stuck: the winding's temperature moves while the motor runs and the ADC sees its noise; the
 * same code for {@link #STUCK_NANOS} with the motor running is a converter that stopped.
 */
final class Ads1115Ntc implements RigSensor {

    static final int CONVERSION = 0x00;
    static final int CONFIG = 0x01;
    static final double VOLTS_PER_LSB = 4.096 / 32768;
    static final long STUCK_NANOS = 10_000_000_000L;

    private final TemperatureSense.Ads1115Ntc config;
    private final I2cChip chip;
    private final NtcDivider divider;
    private final int configuration;
    private final Persistence stuck = Persistence.resetting(STUCK_NANOS);
    private int lastCode = Integer.MIN_VALUE;

    Ads1115Ntc(TemperatureSense.Ads1115Ntc config, I2cChip chip) {
        this.config = config;
        this.chip = chip;
        this.divider = config.divider();
        this.configuration = configuration(config.channel());
    }

    /** The configuration register for continuous conversions of {@code channel} against ground. */
    static int configuration(int channel) {
        return (0b100 + channel) << 12 | 0b001 << 9 | 0b100 << 5 | 0b11;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** Whether a chip answers at the ADC's address, reading only. */
    static void probe(I2cChip chip) throws SensorProblem {
        chip.readWord(CONFIG);
    }

    /** Programs the ADC and checks that it holds the configuration. */
    void open() throws SensorProblem {
        chip.writeWord(CONFIG, configuration);
        // bit 15 reads whether a conversion is under way
        chip.expectKept(CONFIG, configuration, 0x7FFF, "ADS1115");
    }

    @Override
    public void read(long nowNanos, Readings r) throws SensorProblem {
        // bit 15 reads whether a conversion is under way; the rest is what was written
        if ((chip.readWord(CONFIG) & 0x7FFF) != configuration) {
            chip.writeWord(CONFIG, configuration);
            throw new SensorProblem("lost its configuration (a reset?); programmed again");
        }
        int code = (short) chip.readWord(CONVERSION);
        boolean same = code == lastCode;
        lastCode = code;
        if (stuck.update(same && r.motorRunning, nowNanos)) {
            throw new SensorProblem("stuck: the same reading for " + STUCK_NANOS / 1_000_000_000 + " s while the motor runs");
        }
        double volts = code * VOLTS_PER_LSB;
        String rail = divider.railProblem(volts);
        if (rail != null) {
            throw new SensorProblem(rail + " on AIN" + config.channel());
        }
        r.temperatureCelsius = divider.celsius(volts);
    }
}
