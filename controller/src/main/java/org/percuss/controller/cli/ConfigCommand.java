package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.percuss.controller.config.DurationText;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.RigSensors;
import org.percuss.device.gpio.TemperatureSense;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code percuss config}: work with configuration files. */
@Command(name = "config", mixinStandardHelpOptions = true, subcommands = {ConfigCommand.Check.class},
        description = "Work with configuration files (docs/configuration.md).")
final class ConfigCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check FILE");
    }

    /** {@code percuss config check FILE}: every problem of a configuration file, or what it sets. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a configuration file: every unknown key, wrong type and value outside its allowed "
                + "range, one line each, in one run (exit 2); or a summary of what it sets (exit 0).")
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The configuration file (YAML).")
        private Path file;

        @Override
        public Integer call() {
            PercussConfig c = ConfigMixin.load(file, spec.commandLine().getErr());
            if (c == null) {
                return ExitCode.USAGE.code();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": ok");
            out.println("  levels:        " + c.levels() + " ppm");
            out.println("  warm-up:       " + DurationText.format(c.warmup()) + ", ramp " + c.rampPpmPerSecond()
                    + " ppm/s, session limit " + DurationText.format(c.sessionLimit()));
            StringBuilder zones = new StringBuilder();
            for (Zone z : c.zones().zones()) {
                zones.append(zones.isEmpty() ? "" : ", ").append(z.name()).append(' ')
                        .append(DurationText.format(z.budget())).append(z.maxLevel() > 0 && z.maxLevel() < c.levels().count() ? " (max level " + z.maxLevel() + ")" : "");
            }
            out.println("  zones:         " + zones);
            var s = c.safety();
            out.printf("  current:       derate above %.1f A for %s, trip above %.1f A for %s%n", s.current().derateAmps(),
                    DurationText.format(s.current().derateAfter()), s.current().tripAmps(),
                    DurationText.format(s.current().tripAfter()));
            out.printf("  temperature:   derate from %.0f °C, lowest level at %.0f °C, trip at %.0f °C%n",
                    s.thermal().derateFromCelsius(), s.thermal().lowestAtCelsius(), s.thermal().tripCelsius());
            var g = c.gpio();
            out.printf("  gpio rig:      PWM channel %d at %d Hz (%d ppm at full duty, runs %d..%d ppm), tachometer GPIO%d "
                            + "(%d/rev), e-stop GPIO%d active %s, enable %s, heartbeat %s, buttons %s%n",
                    g.pwmChannel(), g.pwmFrequencyHz(), g.fullDutyPpm(), g.minPpm(), g.maxPpm(), g.tachPin(),
                    g.tachPulsesPerRevolution(), g.emergencyStopPin(), g.emergencyStopActiveHigh() ? "high" : "low",
                    pin(g.enablePin()), pin(g.heartbeatPin()), g.hasButtons() ? "GPIO" + g.powerButtonPin() + "/"
                            + g.plusButtonPin() + "/" + g.minusButtonPin() + " (power/plus/minus)" : "none");
            if (g.output().isEsc()) {
                out.printf("  gpio output:   an ESC, %d Hz pulses of 1000..2000 µs, armed at 1000 µs for %s%n",
                        g.output().escFrequencyHz(), DurationText.format(java.time.Duration.ofMillis(g.output().escArmingMillis())));
            }
            out.println("  gpio sensors:  " + sensors(g.sensors()));
            out.flush();
            return ExitCode.OK.code();
        }
    }

    private static String sensors(RigSensors s) {
        StringBuilder sb = new StringBuilder();
        s.current().ifPresent(c -> sb.append(c.name()).append(String.format(" (%s Ω, up to %.1f A)", c.shuntOhms(), c.maxAmps())));
        s.motion().ifPresent(m -> sb.append(sb.isEmpty() ? "" : ", ").append(m.name())
                .append(String.format(" (moving above %.0f °/s)", m.thresholdDps())));
        s.temperature().ifPresent(t -> sb.append(sb.isEmpty() ? "" : ", ").append(t.name())
                .append(t instanceof TemperatureSense.Ads1115Ntc a ? " (NTC on AIN" + a.channel() + ")" : ""));
        return sb.isEmpty() ? "none (the current, supply, temperature and keep-moving rules are off)" : sb.toString();
    }

    private static String pin(int pin) {
        return pin == GpioRig.NO_PIN ? "none" : "GPIO" + pin;
    }
}
