package org.percuss.controller.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.percuss.device.serial.SerialLink;
import org.percuss.simulator.clock.VirtualClock;

/**
 * Line noise for {@code percuss board --noise}: bursts of 1..8 random bytes written to the host at
 * random moments (a Poisson process, seeded, so a run can be repeated), about
 * {@code bytesPerSecond} bytes a second on average. A burst has no delimiter after it, so it spoils
 * the packet that follows it, as noise on a real line would; the host must resynchronise.
 */
final class NoiseBursts {

    private static final double MEAN_BURST_BYTES = 4.5;

    private final VirtualClock clock;
    private final SerialLink link;
    private final double burstsPerSecond;
    private final SplittableRandom random = new SplittableRandom(1);

    NoiseBursts(VirtualClock clock, SerialLink link, int bytesPerSecond) {
        this.clock = clock;
        this.link = link;
        this.burstsPerSecond = bytesPerSecond / MEAN_BURST_BYTES;
    }

    void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        // exponential gaps: -ln(U) / rate
        double gapSeconds = -Math.log(1 - random.nextDouble()) / burstsPerSecond;
        clock.schedule(Duration.ofNanos((long) (gapSeconds * 1e9)), this::burst);
    }

    private void burst() {
        byte[] bytes = new byte[1 + random.nextInt(8)];
        random.nextBytes(bytes);
        try {
            link.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            return; // the link is gone; the runner ends
        }
        scheduleNext();
    }
}
