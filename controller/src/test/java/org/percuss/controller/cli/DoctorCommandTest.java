package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code percuss doctor} on this machine: one line per check, each problem with its fix, exit 3 on any. */
class DoctorCommandTest {

    @Test
    void onThisMachineItNamesEachMissingPieceWithItsFixAndExitsThree() {
        CliRun run = CliRun.of("doctor", "--config", Path.of("..", "examples", "pi-rig.yaml").toString());
        assertThat(run.err()).as("no stack trace, no log noise").isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).matches("(ok {7}|problem {2})[^:]+: .+"))
                .filteredOn(l -> l.startsWith("problem")).allSatisfy(l -> assertThat(l).contains("; fix: "));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ok       java: Java "))
                .anySatisfy(l -> assertThat(l).startsWith("ok       config: ../examples/pi-rig.yaml is valid"));
        boolean problems = lines.stream().anyMatch(l -> l.startsWith("problem"));
        assertThat(run.exitCode()).isEqualTo(problems ? 3 : 0);
        if (!Files.exists(Path.of("/dev/gpiochip0"))) {
            // a machine that is no Pi, like CI's: every piece of the rig is missing, and said to be
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(lines).contains("problem  gpio chip: /dev/gpiochip0 is missing: no GPIO character device here; fix: "
                    + "run percuss on a Raspberry Pi with Raspberry Pi OS (Bookworm or later)");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("problem  pwm: /sys/class/pwm/pwmchip0 is missing"));
            assertThat(lines.get(lines.size() - 1)).matches("doctor: \\d+ of 11 checks found a problem");
        }
    }

    @Test
    void aBrokenConfigIsOneOfTheProblemsNotTheEndOfTheExamination() throws Exception {
        Path f = Files.createTempFile("bad-rig", ".yaml");
        try {
            Files.writeString(f, "gpio:\n  sensors:\n    current: {chip: ina219, address: 0x99}\n");
            CliRun run = CliRun.of("doctor", "--config", f.toString());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).contains("problem  config: 1 problem in " + f)
                    .contains("; fix: percuss config check " + f).contains("java: Java");
        } finally {
            Files.delete(f);
        }
    }
}
