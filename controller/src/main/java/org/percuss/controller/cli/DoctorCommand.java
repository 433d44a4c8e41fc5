package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.percuss.controller.doctor.Check;
import org.percuss.controller.doctor.Doctor;
import org.percuss.device.gpio.PiPaths;
import org.percuss.device.gpio.SensorProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code percuss doctor [--config FILE]}: checks this machine for the Raspberry Pi rig in the
 * configuration and prints one line per check, ok or problem with the command that fixes it; exit
 * 0 when all is well, 3 otherwise. Without {@code --config}, the user's own file when there is one,
 * as {@code run} reads it.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check this Raspberry Pi for the rig in the config: Java, the GPIO chip, the PWM overlay and "
            + "channel, groups, the I2C buses and each sensor, the 1-wire sensor, the config. One line per check, "
            + "each problem with the command that fixes it (docs/raspberry-pi.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check is ok", "3:a check found a problem (each is named, with its fix)"})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigMixin config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = config.source();
        Doctor doctor = new Doctor(PiPaths.SYSTEM, SensorProbe::onThisPi, Runtime.version(), System.getProperty("java.home"));
        List<Check> checks = doctor.examine(file);
        checks.forEach(out::println);
        long problems = checks.stream().filter(c -> !c.ok()).count();
        out.println(problems == 0 ? "doctor: all " + checks.size() + " checks ok: the rig can run here"
                : "doctor: " + problems + " of " + checks.size() + " checks found a problem");
        out.flush();
        return problems == 0 ? ExitCode.OK.code() : ExitCode.DEVICE.code();
    }
}
