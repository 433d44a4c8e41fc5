package org.percuss.controller.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.percuss.controller.files.FileProblem;

/** A ledger file read or written in one go, as a test looks at it. */
final class LedgerFiles {

    private LedgerFiles() {
    }

    /**
     * Every plausible entry of {@code file} as of {@code now}, each skipped line told to
     * {@code warnings} (the files tests write by hand are 0644: that warning has its own test).
     */
    static List<UsageEntry> read(Path file, long now, Consumer<String> warnings) {
        Consumer<String> lines = w -> {
            if (!w.contains("can be read by others")) {
                warnings.accept(w);
            }
        };
        try (UsageLedger ledger = UsageLedger.openForReading(file, lines); UsageLedger.Lock lock = ledger.lock()) {
            return new ArrayList<>(lock.entries(now));
        } catch (FileProblem e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static List<UsageEntry> read(Path file, long now) {
        return read(file, now, w -> { });
    }

    /** Appends {@code entries} to {@code file}, each as a session would. */
    static void append(Path file, UsageEntry... entries) {
        try (UsageLedger ledger = UsageLedger.open(file, w -> { }); UsageLedger.Lock lock = ledger.lock()) {
            for (UsageEntry e : entries) {
                lock.append(e);
            }
        } catch (FileProblem e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
