package org.percuss.controller.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The calling thread's scheduling policy as the kernel records it: 0 normal, 1 SCHED_FIFO. */
final class SchedulingPolicy {

    private SchedulingPolicy() {
    }

    /** Field 41 of /proc/thread-self/stat (after the name, which ends at the last ')'); 0 off Linux. */
    static int ofThisThread() {
        Path stat = Path.of("/proc/thread-self/stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        try {
            String line = Files.readString(stat);
            return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).trim().split(" ")[41 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
