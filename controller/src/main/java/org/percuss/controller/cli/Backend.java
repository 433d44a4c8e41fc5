package org.percuss.controller.cli;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.percuss.controller.loop.RealTimeDriver;
import org.percuss.controller.loop.TickDriver;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.PiGpio;
import org.percuss.device.os.RealTimePriority;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.serial.SerialConnection;
import org.percuss.device.time.Scheduler;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * A device to drive, with the clock it lives on and the driver that ticks the loop on that clock:
 * the simulator on a virtual clock paced to the wall clock, or real hardware on the wall clock.
 * For real hardware a shutdown hook sends STOP on any exit the JVM can still catch, until
 * {@link #close()}.
 */
final class Backend implements AutoCloseable {

    private final PercussionDevice device;
    private final AutoCloseable owner;
    private final Ticker ticker;
    private final TickDriver driver;
    private final Thread stopOnExit;
    private final RealTimePriority loopPriority;

    private Backend(PercussionDevice device, AutoCloseable owner, Ticker ticker, TickDriver driver, boolean stopOnExit,
                    RealTimePriority loopPriority) {
        this.device = device;
        this.loopPriority = loopPriority;
        this.owner = owner;
        this.ticker = ticker;
        this.driver = driver;
        this.stopOnExit = stopOnExit ? new Thread(device::stop, "percuss-stop-on-exit") : null;
        if (this.stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(this.stopOnExit);
        }
    }

    /**
     * Opens the device {@code spec} names.
     *
     * @param tickPeriod the control loop's period
     * @param timeScale how much faster than real time a simulation runs (1 for real hardware)
     * @param rig the wiring of a Raspberry Pi rig, for {@code gpio}
     * @param loopPriority the real-time priority the calling thread, the control loop's, has taken
     *        (a serial board's reader thread takes it too); {@link #runLoop} puts it back to
     *        normal scheduling when the loop ends, {@link #close()} (on the same thread) if it never ran
     * @throws DeviceException when the device cannot be opened, naming it
     */
    static Backend open(DeviceSpec spec, Duration tickPeriod, double timeScale, GpioRig rig,
                        RealTimePriority loopPriority) {
        return switch (spec.kind()) {
            case SIM -> {
                VirtualClock clock = new VirtualClock();
                PercussionDevice device = SimulatedGun.create(clock).device();
                yield new Backend(device, device, clock,
                        new SimulatedTimeDriver(clock, tickPeriod, timeScale, Ticker.system()), false, loopPriority);
            }
            case SERIAL -> {
                SerialConnection connection = SerialConnection.open(
                        JSerialCommLink.open(spec.path(), spec.baud(), JSerialCommLink.Reading.UNTIL_DATA),
                        Scheduler.system(), tickPeriod, loopPriority);
                yield new Backend(connection.device(), connection, Ticker.system(),
                        new RealTimeDriver(Ticker.system(), tickPeriod), true, loopPriority);
            }
            case GPIO -> {
                PercussionDevice device = PiGpio.open(rig, Scheduler.system());
                yield new Backend(device, device, Ticker.system(), new RealTimeDriver(Ticker.system(), tickPeriod), true,
                        loopPriority);
            }
        };
    }

    /** The device, open. */
    PercussionDevice device() {
        return device;
    }

    /** The clock the loop reads. */
    Ticker ticker() {
        return ticker;
    }

    /**
     * Runs the loop's {@code tick} at its fixed rate on the calling thread until {@code done}, then
     * puts the thread back to normal scheduling: what follows (the ledger, the files, the summary,
     * STOP and its answer) is not real-time work, and at a real-time priority its milliseconds of
     * cold code would hold the core from everything of normal priority, the serial port's kernel
     * work among them (BENCHMARKS.md: the e-stop over a pty, 2026-12-03). {@link #close()} puts it
     * back too, for a session that ends before its loop runs.
     */
    void runLoop(Runnable tick, BooleanSupplier done) {
        try {
            driver.run(tick, done);
        } finally {
            if (loopPriority.isRealTime()) {
                RealTimePriority.normalizeCurrentThread();
            }
        }
    }

    /**
     * Stops and closes the device (a real one is sent STOP, and a board's answer awaited); called on
     * the loop's thread, puts it back to normal scheduling.
     */
    @Override
    public void close() {
        if (loopPriority.isRealTime()) {
            RealTimePriority.normalizeCurrentThread();
        }
        try {
            owner.close();
        } catch (Exception e) {
            device.stop();
        }
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook will run
            }
        }
    }
}
