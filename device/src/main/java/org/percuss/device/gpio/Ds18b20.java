package org.percuss.device.gpio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.percuss.device.time.Scheduler;

/**
 * The DS18B20 of {@link TemperatureSense.Ds18b20}, read through the kernel's 1-wire driver from
 * {@code DEVICES/ID/temperature} (millidegrees Celsius). Reading that file makes the sensor convert,
 * which takes 750 ms at 12 bits, so it is never read on the sampler: every {@link #READ_PERIOD} the
 * scheduler hands a read to {@code blockingReads} (a thread of its own on a Pi, the caller's thread
 * in a simulation), and the sampler takes the latest result.
 *
 * <p>Problems: the file missing (the sensor left the bus), a read error (the kernel's CRC check
 * failed, or no presence pulse), text that is no number, 85.000 °C (the scratchpad's power-on
 * value: the conversion did not run, usually a weak pull-up or parasitic power), or a value outside
 * the sensor's −55..125 °C. A single bad read is common on a long 1-wire cable; only
 * {@link #SILENT_NANOS} without a good one is a {@link SensorProblem}, naming the last problem.
 */
final class Ds18b20 implements RigSensor {

    static final Duration READ_PERIOD = Duration.ofSeconds(1);
    static final long SILENT_NANOS = 3_000_000_000L;
    static final int POWER_ON_MILLIDEGREES = 85_000;

    /** One read's outcome: a temperature, or a problem. */
    private record Result(long nanos, double celsius, String problem) {
    }

    private final TemperatureSense.Ds18b20 config;
    private final Path file;
    private final Scheduler scheduler;
    private final Executor blockingReads;
    private volatile Result latest;
    private volatile boolean reading;
    private long lastGoodNanos;
    private String lastProblem = "no reading yet";
    private Scheduler.Cancellable task;

    Ds18b20(TemperatureSense.Ds18b20 config, Path devices, Scheduler scheduler, Executor blockingReads) {
        this.config = config;
        this.file = devices.resolve(config.id()).resolve("temperature");
        this.scheduler = scheduler;
        this.blockingReads = blockingReads;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** Checks that the sensor is on the bus and starts reading it. */
    void open() throws SensorProblem {
        if (!Files.isDirectory(file.getParent())) {
            throw new SensorProblem("not on the 1-wire bus (" + file.getParent() + " is missing)");
        }
        lastGoodNanos = scheduler.nanos();
        task = scheduler.scheduleAtFixedRate(Duration.ZERO, READ_PERIOD, this::startRead);
    }

    /** Stops reading. */
    void close() {
        if (task != null) {
            task.cancel();
        }
    }

    private void startRead() {
        if (reading) {
            return; // the last read still blocks: a hung bus shows as silence
        }
        reading = true;
        blockingReads.execute(() -> {
            try {
                latest = readOnce();
            } finally {
                reading = false;
            }
        });
    }

    private Result readOnce() {
        String text;
        try {
            text = Files.readString(file).trim();
        } catch (NoSuchFileException e) {
            return problem("not on the 1-wire bus (" + file + " is missing)");
        } catch (IOException e) {
            return problem("no answer (reading " + file + " failed: a CRC error or no presence pulse)");
        } catch (RuntimeException e) {
            return problem("no answer (" + e.getMessage() + ")");
        }
        int milli;
        try {
            milli = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return problem("answered '" + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "', not a temperature");
        }
        if (milli == POWER_ON_MILLIDEGREES) {
            return problem("reads 85.0 °C, its power-on value: no conversion ran (check the 4.7 kΩ pull-up and its power)");
        }
        if (milli < -55_000 || milli > 125_000) {
            return problem("reads " + milli / 1000.0 + " °C, outside its −55..125 °C");
        }
        return new Result(scheduler.nanos(), milli / 1000.0, null);
    }

    private Result problem(String text) {
        return new Result(scheduler.nanos(), Double.NaN, text);
    }

    @Override
    public void read(long nowNanos, Readings r) throws SensorProblem {
        Result x = latest;
        if (x != null) {
            if (x.problem() == null) {
                lastGoodNanos = Math.max(lastGoodNanos, x.nanos());
                r.temperatureCelsius = x.celsius();
            } else {
                lastProblem = x.problem();
            }
        }
        if (nowNanos - lastGoodNanos >= SILENT_NANOS) {
            throw new SensorProblem(x != null && x.problem() != null ? lastProblem
                    : "no answer for " + SILENT_NANOS / 1_000_000_000 + " s");
        }
    }
}
