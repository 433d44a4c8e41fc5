package org.percuss.controller.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of the web page of {@code percuss run} (docs/web.md): where it listens, and how long it stays after the session. */
final class WebOptions {

    /** How long the page stays after the session unless told: time to read the summary and save the plot. */
    static final Duration DEFAULT_LINGER = Duration.ofMinutes(5);

    @Option(names = "--web", paramLabel = "[HOST:]PORT",
            description = "Serve a page and an API to follow and control the session (docs/web.md). On 127.0.0.1 unless"
                    + " HOST is given; any other address needs a token, made on first use. PORT 0 picks a free one.")
    String address;

    @Option(names = "--web-linger", paramLabel = "DURATION", converter = Linger.class,
            description = "With --web: how long a page that followed the session keeps its summary and plot after it,"
                    + " 0s..1h; q, Ctrl-C, a signal or the page's Finish end it sooner. Default: 5m.")
    Duration linger;

    /** {@code --web-linger}: 0s..1h. */
    static final class Linger extends DurationConverter {
        Linger() {
            super(Duration.ZERO, true, Duration.ofHours(1));
        }
    }
}
