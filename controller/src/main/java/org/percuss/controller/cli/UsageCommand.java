package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.files.UserDirs;
import org.percuss.controller.loop.Durations;
import org.percuss.controller.session.UsageEntry;
import org.percuss.controller.session.UsageLedger;
import org.percuss.controller.session.ZoneBudget;
import org.percuss.controller.text.Echo;
import org.percuss.device.time.EpochClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code percuss usage}: how much of each zone's budget the last hour has used. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Show each zone's running time in the last 60 minutes against its budget, from the usage ledger.")
final class UsageCommand implements Callable<Integer> {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerMixin ledger;

    @Mixin
    private ConfigMixin config;

    @Override
    public Integer call() throws FileProblem {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PercussConfig c = config.loadOrUsers(err);
        if (c == null) {
            return ExitCode.USAGE.code();
        }
        List<UsageEntry> entries;
        long now = EpochClock.system().epochMillis();
        Path file = ledger.file();
        try (UsageLedger l = UsageLedger.openForReading(file, w -> err.println(Echo.line("warning: " + w)))) {
            // the bulk first, without the lock: a session running meanwhile does not wait for it
            l.readAhead(now);
            try (UsageLedger.Lock lock = l.lock()) {
                entries = lock.entries(now);
            }
            if (!l.reachesBackTo(now - Zone.WINDOW.toMillis())) {
                err.println(Echo.line("warning: " + file + " is larger than the " + InputFile.size(UsageLedger.READ_LIMIT_BYTES)
                        + " percuss reads, all of it from the last hour: the zones may have used more than shown"));
            }
        }
        err.flush();
        out.println("usage in the last 60 minutes (" + Echo.value(file.toString()) + "):");
        for (Zone z : c.zones().zones()) {
            ZoneBudget b = ZoneBudget.of(z, entries, now);
            out.printf("  %-12s %5s of %5s used%s%n", z.name(), Durations.format(b.usedMillis() * 1_000_000L),
                    Durations.format(z.budget().toNanos()), b.exhausted() ? ", available again at "
                            + CLOCK.format(Instant.ofEpochMilli(b.availableAgainEpochMillis()).atZone(ZoneId.systemDefault()))
                            : ", " + Durations.format(b.left().toNanos()) + " left");
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
