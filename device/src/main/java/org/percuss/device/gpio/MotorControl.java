package org.percuss.device.gpio;

import org.percuss.device.time.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rig's output side: the speed the guard allows, turned into the motor drive's duty. A start
 * puts out the {@link DutyRegulator}'s feedforward at once, each sample then corrects it from the
 * {@link Tachometer} (PI), and a stop cuts the drive at once. An ESC that is still arming holds
 * every start at zero throttle. Not thread-safe: {@link GpioDevice}'s lock guards it.
 */
final class MotorControl {

    /** The device's logger: these lines are the device's. */
    private static final Logger LOG = LoggerFactory.getLogger(GpioDevice.class);

    private final MotorDrive drive;
    private final DutyRegulator regulator;
    private final Tachometer tachometer;
    private final Ticker ticker;
    private final int escArmingMillis;
    private int runningPpm;
    private boolean armingNoted;

    /**
     * @param drive the motor output
     * @param regulator the duty's regulator for the rig's full-duty speed
     * @param tachometer the measured speed
     * @param ticker the clock of the tachometer's edges and of an ESC's arming
     * @param escArmingMillis how long an ESC arms, for the log
     */
    MotorControl(MotorDrive drive, DutyRegulator regulator, Tachometer tachometer, Ticker ticker, int escArmingMillis) {
        this.drive = drive;
        this.regulator = regulator;
        this.tachometer = tachometer;
        this.ticker = ticker;
        this.escArmingMillis = escArmingMillis;
    }

    /** Whether the motor is driven at a speed. */
    boolean running() {
        return runningPpm != 0;
    }

    /** The speed the motor is driven at, 0 when stopped. */
    int runningPpm() {
        return runningPpm;
    }

    /** The drive's duty now, 0..1. */
    double duty() {
        return drive.dutyPercent() / 100.0;
    }

    /**
     * Brings the outputs to {@code target} ppm at once rather than at the next sample: a decrease
     * is immediate, and a start needs its duty. An ESC that is still arming holds a start at zero
     * throttle (the next call starts it once armed).
     */
    void apply(int target) {
        if (target == runningPpm) {
            return;
        }
        if (target == 0) {
            off();
        } else if (runningPpm == 0) {
            if (!drive.ready(ticker.nanos())) {
                if (!armingNoted) {
                    armingNoted = true;
                    LOG.info("gpio: the ESC is arming ({} ms at {} µs from the start): no speed until then",
                            escArmingMillis, MotorOutput.STOP_PULSE_MICROS);
                }
                return;
            }
            regulator.reset();
            runningPpm = target;
            drive.run(regulator.feedforward(target));
        } else {
            runningPpm = target;
            drive.run(regulator.update(target, tachometer.ppm(ticker.nanos()), 0));
        }
    }

    /** A sample's correction: the duty regulated towards the running speed from {@code measuredPpm}, {@code dt} seconds on. */
    void regulate(int measuredPpm, double dt) {
        if (runningPpm != 0) {
            drive.run(regulator.update(runningPpm, measuredPpm, dt));
        }
    }

    /** Stops the motor: the drive off, the regulator reset. */
    void off() {
        runningPpm = 0;
        drive.stop();
        regulator.reset();
    }

    /** Gives the drive's outputs back (the device is closing). */
    void release() {
        drive.release();
    }
}
