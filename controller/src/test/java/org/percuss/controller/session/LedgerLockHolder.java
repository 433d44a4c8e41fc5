package org.percuss.controller.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process reading the ledger, for {@link UsageLedgerTest}: takes a shared lock on the file
 * named by its argument, as {@code percuss usage} does, says {@code locked} on standard output,
 * and holds the lock until its standard input ends.
 */
public final class LedgerLockHolder {

    private LedgerLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ);
                FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
            System.out.println(lock.isShared() ? "locked" : "not shared");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input
            }
        }
    }
}
