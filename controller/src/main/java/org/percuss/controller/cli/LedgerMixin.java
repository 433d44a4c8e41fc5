package org.percuss.controller.cli;

import java.nio.file.Path;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.UserDirs;
import picocli.CommandLine.Option;

/** {@code --ledger FILE}, for the commands that read or write the usage ledger (a picocli mixin). */
final class LedgerMixin {

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "The usage ledger. Default: $XDG_STATE_HOME/percuss/usage.jsonl or ~/.local/state/percuss/usage.jsonl.")
    private Path file;

    /** The file given, or null. */
    Path given() {
        return file;
    }

    /** The file given, else the default in the user's state directory (a problem when there is no home). */
    Path file() throws FileProblem {
        return file != null ? file : UserDirs.current().ledger();
    }
}
