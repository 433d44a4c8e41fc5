package org.percuss.device.gpio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux hardware PWM channel through sysfs ({@code /sys/class/pwm/pwmchipN/pwmM}), set in
 * nanoseconds: the ESC output of a Pi. Opening exports the channel when it is not yet (the
 * package's udev rule then gives the {@code gpio} group its files) and waits up to
 * {@link #EXPORT_WAIT_MILLIS} for them to become writable. The first pulse writes the period and
 * enables the channel; later ones write only {@code duty_cycle}. The channel is left running at
 * the last pulse when the program ends, which for an ESC is the zero-throttle pulse the device
 * puts out on every exit path. An I/O edge: the only class of the rig that writes sysfs itself.
 */
final class SysfsPwm implements ServoPulses {

    static final int EXPORT_WAIT_MILLIS = 1000;

    private final Path channel;
    private int frequency;
    private int micros;

    private SysfsPwm(Path channel) {
        this.channel = channel;
    }

    /**
     * Opens channel {@code channel} of the PWM chip at {@code chip}.
     *
     * @throws IOException when the channel cannot be exported or its files are not writable
     */
    static SysfsPwm open(Path chip, int channel) throws IOException {
        Path dir = chip.resolve("pwm" + channel);
        if (!Files.isDirectory(dir)) {
            Files.writeString(chip.resolve("export"), Integer.toString(channel));
        }
        Path duty = dir.resolve("duty_cycle");
        for (int waited = 0; !Files.isWritable(duty); waited += 10) {
            if (waited >= EXPORT_WAIT_MILLIS) {
                throw new IOException(duty + " is not writable " + EXPORT_WAIT_MILLIS
                        + " ms after the export (is this user in the gpio group, with the package's udev rule?)");
            }
            try {
                Thread.sleep(10); // udev changes the files' group a moment after the export
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + duty, e);
            }
        }
        return new SysfsPwm(dir);
    }

    @Override
    public void pulse(int frequencyHz, int pulseMicros) {
        try {
            if (frequencyHz != frequency) {
                // the duty cycle must never exceed the period: zero it before a new period
                write("duty_cycle", 0);
                write("period", 1_000_000_000L / frequencyHz);
                write("duty_cycle", pulseMicros * 1000L);
                write("enable", 1);
                frequency = frequencyHz;
            } else if (pulseMicros != micros) {
                write("duty_cycle", pulseMicros * 1000L);
            }
            micros = pulseMicros;
        } catch (IOException e) {
            throw new UncheckedIOException("gpio: cannot set the ESC's pulse in " + channel + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int micros() {
        return micros;
    }

    private void write(String file, long value) throws IOException {
        Files.writeString(channel.resolve(file), Long.toString(value));
    }
}
