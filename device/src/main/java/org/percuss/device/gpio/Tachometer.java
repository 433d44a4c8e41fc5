package org.percuss.device.gpio;

/**
 * Speed from a tachometer's edges: the times of the last few rising edges, kept in a ring, give
 * the mean period. Thread-safe (edges come from Pi4J's event thread, readings from the sampler);
 * allocates nothing after construction.
 *
 * <p>Derivation: with {@code p} pulses per revolution and one percussion per revolution, {@code k}
 * edges spanning {@code dt} nanoseconds are {@code (k - 1) / p} revolutions, so
 * {@code ppm = 60e9 * (k - 1) / (p * dt)}. A motor that stops gives no more edges, so the reading
 * is also capped by the speed at which the next edge would be due now,
 * {@code 60e9 / (p * (now - last))}: it falls as the silence grows, and is 0 after
 * {@link #SILENCE_NANOS} without an edge.
 */
final class Tachometer {

    /** No edge for this long reads as stopped: 100 ppm at one pulse per revolution. */
    static final long SILENCE_NANOS = 600_000_000L;
    /** Edges averaged over, at most. */
    static final int WINDOW = 8;

    private final int pulsesPerRevolution;
    private final long[] edges = new long[WINDOW];
    private int count;
    private int next;

    Tachometer(int pulsesPerRevolution) {
        if (pulsesPerRevolution < 1) {
            throw new IllegalArgumentException("pulses per revolution must be at least 1, got " + pulsesPerRevolution);
        }
        this.pulsesPerRevolution = pulsesPerRevolution;
    }

    /** A rising edge at {@code nanos}. */
    synchronized void edge(long nanos) {
        edges[next] = nanos;
        next = (next + 1) % WINDOW;
        if (count < WINDOW) {
            count++;
        }
    }

    /** The speed at {@code now}, in percussions per minute. */
    synchronized int ppm(long now) {
        if (count == 0) {
            return 0;
        }
        long last = edges[(next + WINDOW - 1) % WINDOW];
        long silence = now - last;
        if (silence >= SILENCE_NANOS) {
            return 0;
        }
        // the edges still inside the silence window, newest back
        int k = 1;
        long first = last;
        while (k < count) {
            long t = edges[(next + WINDOW - 1 - k) % WINDOW];
            if (last - t >= SILENCE_NANOS) {
                break;
            }
            first = t;
            k++;
        }
        double mean = k < 2 ? 0 : 60e9 * (k - 1) / ((double) pulsesPerRevolution * (last - first));
        double cap = silence <= 0 ? Double.MAX_VALUE : 60e9 / ((double) pulsesPerRevolution * silence);
        return (int) Math.round(Math.min(mean, cap));
    }
}
