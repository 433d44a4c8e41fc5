package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.loop.Durations;
import org.percuss.controller.session.UsageEntry;
import org.percuss.controller.session.UsageLedger;
import org.percuss.controller.session.ZoneBudget;
import org.percuss.controller.text.Echo;
import org.percuss.device.time.EpochClock;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * A {@code run} session on a zone: the usage ledger it is recorded in, and what the zone's budget
 * had left when it began (read under the ledger's lock). A zone with nothing left, or a ledger too
 * full to tell, is refused as a usage error before anything starts.
 *
 * @param ledger the open ledger, closed with this
 * @param budget the zone's budget at the start
 */
record ZoneSession(UsageLedger ledger, ZoneBudget budget) implements AutoCloseable {

    /**
     * Opens the ledger at {@code path} and reads {@code zone}'s budget, warning on {@code err} of
     * damage the ledger tolerates.
     *
     * @throws ParameterException (on {@code commandLine}) when the zone has nothing left
     * @throws FileProblem when the ledger cannot be used
     */
    static ZoneSession open(Zone zone, Path path, PrintWriter err, CommandLine commandLine) throws FileProblem {
        UsageLedger ledger = UsageLedger.open(path, w -> {
            err.println(Echo.line("warning: " + w));
            err.flush();
        });
        try {
            // the bulk first, without the lock: a session running beside this one does not wait for it
            ledger.readAhead(EpochClock.system().epochMillis());
            try (UsageLedger.Lock lock = ledger.lock()) {
                long now = EpochClock.system().epochMillis();
                List<UsageEntry> entries = lock.entries(now);
                if (!ledger.reachesBackTo(now - Zone.WINDOW.toMillis())) {
                    throw new ParameterException(commandLine, "zone " + zone.name() + ": the ledger "
                            + Echo.value(path.toString()) + " is larger than the " + InputFile.size(UsageLedger.READ_LIMIT_BYTES)
                            + " percuss reads, all of it from the last hour; cannot tell what is left");
                }
                ZoneBudget budget = ZoneBudget.of(zone, entries, now);
                if (budget.exhausted()) {
                    throw new ParameterException(commandLine, refusal(budget, now));
                }
                return new ZoneSession(ledger, budget);
            }
        } catch (FileProblem | RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    /** Why a zone with nothing left is refused: the zone, the minutes used, when it is available again. */
    static String refusal(ZoneBudget b, long nowEpochMillis) {
        long waitMinutes = Math.max(1, Math.round((b.availableAgainEpochMillis() - nowEpochMillis) / 60_000.0));
        return String.format(Locale.ROOT, "zone %s: %.1f of its %d minutes used in the last 60 minutes; available"
                        + " again at %s (in %d min)", b.zone().name(), b.usedMillis() / 60_000.0, b.zone().budget().toMinutes(),
                UsageCommand.CLOCK.format(Instant.ofEpochMilli(b.availableAgainEpochMillis())
                        .atZone(ZoneId.systemDefault())), waitMinutes);
    }

    /**
     * The summary's line on the zone: its time used in the last hour, the session's
     * {@code sessionMillis} counted, or what the ledger recorded ({@code recordedMillis}) when more.
     */
    String summaryLine(long sessionMillis, long recordedMillis) {
        Zone zone = budget.zone();
        long used = Math.max(recordedMillis, budget.usedMillis() + sessionMillis);
        return String.format("zone:         %s, %s of %s used in the last hour (ledger %s)", zone.name(),
                Durations.format(used * 1_000_000L),
                Durations.format(zone.budget().toNanos()), Echo.value(ledger.file().toString()));
    }

    @Override
    public void close() {
        ledger.close();
    }
}
