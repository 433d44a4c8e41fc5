package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} says every description whole: the command list shows each command's description to
 * its last word (picocli shows only the first element of a description given as several), and
 * every option's description is one complete sentence or more.
 */
class HelpTest {

    /** Every command: percuss and all its subcommands, at any depth. */
    static Stream<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(Percuss.commandLine(new Percuss()), all);
        return all.stream();
    }

    private static void collect(CommandLine cl, List<CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    /** The text without its spacing: picocli wraps at spaces, and also after a dot in a long path. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theDescriptionIsOneWholeTextAndTheParentsListShowsAllOfIt(CommandLine command) {
        String[] description = command.getCommandSpec().usageMessage().description();
        assertThat(description).as("one element, so picocli lists it whole").hasSize(1);
        assertThat(description[0]).endsWith(".");
        CommandLine parent = command.getParent();
        if (parent != null) {
            assertThat(flat(parent.getUsageMessage())).contains(flat(description[0]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyOptionSaysAWholeSentence(CommandLine command) {
        String help = flat(command.getUsageMessage());
        for (OptionSpec option : command.getCommandSpec().options()) {
            String[] description = option.description();
            assertThat(description).as(option.longestName()).hasSize(1);
            String text = flat(option.description()[0].replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue())));
            assertThat(text).as(option.longestName()).endsWith(".");
            assertThat(help).as(option.longestName()).contains(text);
        }
    }

    @Test
    void versionNamesTheProgram() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("percuss ");
    }

    @Test
    void aStartNamingACommandBuildsOnlyThatOneAndItsHelpIsTheSame() {
        CommandLine all = Percuss.commandLine(new Percuss());
        CommandLine one = Percuss.commandLine(new Percuss(), "simulate", "x.yaml");
        assertThat(one.getSubcommands().keySet()).containsExactly("simulate");
        assertThat(one.getSubcommands().get("simulate").getUsageMessage())
                .isEqualTo(all.getSubcommands().get("simulate").getUsageMessage());
        assertThat(Percuss.commandLine(new Percuss(), "--help").getSubcommands().keySet())
                .isEqualTo(all.getSubcommands().keySet()).contains("run", "simulate", "bench-loop");
        assertThat(Percuss.commandLine(new Percuss(), "nonsense").getSubcommands()).hasSameSizeAs(all.getSubcommands());
    }

    @Test
    void withoutACommandItNamesEveryCommandThereIs() {
        CliRun r = CliRun.of();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a command is required: run, simulate, replay, plot, board, ports, usage, config,"
                + " doctor, campaign or bench-loop (see percuss --help)");
    }
}
