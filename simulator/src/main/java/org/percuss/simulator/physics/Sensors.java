package org.percuss.simulator.physics;

import java.util.random.RandomGenerator;

/**
 * The board's measurement chain: tachometer, current shunt, temperature sensor and supply divider,
 * each with Gaussian noise and the wire's quantisation (1 ppm, 1 mA, 0.1 °C, 1 mV), from a seeded
 * random source so the same seed gives the same readings. Noise, one standard deviation: 2 ppm
 * (period jitter of a Hall-sensor tachometer), 15 mA, 0.1 °C, 10 mV.
 *
 * <p>Injected sensor faults: {@linkplain #setNoisy noisy} multiplies every noise by 20; a
 * {@linkplain #setFrozen frozen} current and temperature sensor keeps returning the readings it had
 * when it froze; a {@linkplain #setTachometerLost lost tachometer} reads 0, which the board's own
 * regulator believes too.
 */
public final class Sensors {

    private static final double TACH_SIGMA_RPM = 2;
    private static final double CURRENT_SIGMA_AMPS = 0.015;
    private static final double TEMPERATURE_SIGMA_C = 0.1;
    private static final double SUPPLY_SIGMA_V = 0.010;
    private static final double NOISY_FACTOR = 20;

    private final RandomGenerator random;
    private double noise = 1;
    private boolean frozen;
    private boolean tachometerLost;
    private double frozenCurrent;
    private double frozenTemperature;

    public Sensors(RandomGenerator random) {
        this.random = random;
    }

    /** The tachometer's reading, rpm, unquantised (the board's regulator uses it every step). */
    public double tachometerRpm(GunPlant plant) {
        if (tachometerLost) {
            return 0;
        }
        double rpm = plant.speedRpm();
        return rpm == 0 ? 0 : Math.max(0, rpm + TACH_SIGMA_RPM * noise * random.nextGaussian());
    }

    /** The measured speed as reported, whole ppm. */
    public int measuredPpm(GunPlant plant) {
        return (int) Math.round(tachometerRpm(plant));
    }

    /** The measured current, amperes, to the mA. */
    public double currentAmps(GunPlant plant) {
        double i = frozen ? frozenCurrent : Math.max(0, plant.currentAmps() + CURRENT_SIGMA_AMPS * noise * random.nextGaussian());
        return Math.round(i * 1000) / 1000.0;
    }

    /** The measured temperature, °C, to the tenth. */
    public double temperatureCelsius(GunPlant plant) {
        double t = frozen ? frozenTemperature : plant.temperatureCelsius() + TEMPERATURE_SIGMA_C * noise * random.nextGaussian();
        return Math.round(t * 10) / 10.0;
    }

    /** The measured supply, volts, to the mV. */
    public double supplyVolts(GunPlant plant) {
        double v = Math.max(0, plant.supplyVolts() + SUPPLY_SIGMA_V * noise * random.nextGaussian());
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * A sample of Gaussian noise of {@code sigma} (times twenty while {@linkplain #setNoisy noisy}),
     * for the chips of a Raspberry Pi rig that this class does not model itself (a motion sensor's
     * rate and acceleration noise).
     */
    public double noise(double sigma) {
        return sigma * noise * random.nextGaussian();
    }

    /** Noise twenty times normal (a loose connector, interference), or normal again. */
    public void setNoisy(boolean noisy) {
        noise = noisy ? NOISY_FACTOR : 1;
    }

    /** The current and temperature sensors stop updating (a stuck ADC), or recover. */
    public void setFrozen(boolean frozen, GunPlant plant) {
        if (frozen && !this.frozen) {
            frozenCurrent = plant.currentAmps();
            frozenTemperature = plant.temperatureCelsius();
        }
        this.frozen = frozen;
    }

    /** The tachometer reads 0 (a broken Hall sensor or wire), or works again. */
    public void setTachometerLost(boolean lost) {
        tachometerLost = lost;
    }
}
