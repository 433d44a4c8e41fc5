package org.percuss.controller.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.percuss.controller.config.ConfigLoader;
import org.percuss.device.gpio.CurrentSense;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.MotionSense;
import org.percuss.device.gpio.PiPaths;
import org.percuss.device.gpio.RigSensors;
import org.percuss.device.gpio.SensorProbe;
import org.percuss.device.gpio.TemperatureSense;

/**
 * Checks a Raspberry Pi for the rig in a configuration, one {@link Check} per thing the rig needs,
 * each problem with the one command that fixes it. It reads only: files under {@link PiPaths}, and
 * the sensors' registers through a {@link SensorProbe} (opened only when a bus is there to ask on).
 * A check whose ground is missing (a sensor on a bus that is not there) says so and gives the
 * ground's fix.
 */
public final class Doctor {

    static final String CONFIG_TXT = "/boot/firmware/config.txt";
    static final int MIN_JAVA = 21;

    private final PiPaths paths;
    private final Supplier<SensorProbe> probes;
    private final Runtime.Version java;
    private final String javaHome;

    /**
     * @param paths where the Pi's devices are
     * @param probes opens a probe of the I2C buses, when one is needed
     * @param java the Java running this
     * @param javaHome where it is installed
     */
    public Doctor(PiPaths paths, Supplier<SensorProbe> probes, Runtime.Version java, String javaHome) {
        this.paths = paths;
        this.probes = probes;
        this.java = java;
        this.javaHome = javaHome;
    }

    /** Every check, for the rig of the configuration {@code config} ({@code null}: the default wiring). */
    public List<Check> examine(Path config) {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        GpioRig rig = GpioRig.DEFAULT;
        if (config == null) {
            checks.add(Check.ok("config", "none given: the default wiring of docs/raspberry-pi.md, no sensors"));
        } else {
            ConfigLoader.Result r = ConfigLoader.load(config);
            if (r.ok()) {
                rig = r.config().gpio();
                checks.add(Check.ok("config", config + " is valid"));
            } else {
                checks.add(Check.problem("config", r.problems().size() + " problem" + (r.problems().size() == 1 ? "" : "s")
                        + " in " + config + " (first: " + r.problems().get(0) + "); the checks below use the default wiring",
                        "percuss config check " + config));
            }
        }
        Identity me = Identity.of(paths);
        checks.add(board());
        checks.add(gpioChip(me));
        checks.addAll(pwm(rig, me));
        checks.add(group(me, "gpio", "the pins and the PWM"));
        RigSensors sensors = rig.sensors();
        if (sensors.anyOnI2c()) {
            checks.add(group(me, "i2c", "the I2C buses"));
            checks.addAll(i2c(sensors));
        }
        if (sensors.temperature().orElse(null) instanceof TemperatureSense.Ds18b20 w1) {
            checks.add(oneWire(w1));
        }
        return checks;
    }

    private Check java() {
        String found = "Java " + java + " at " + javaHome;
        return java.feature() >= MIN_JAVA ? Check.ok("java", found)
                : Check.problem("java", found + ", older than " + MIN_JAVA, "sudo apt install openjdk-21-jre-headless");
    }

    private Check board() {
        Optional<String> model = paths.modelName();
        if (model.isEmpty()) {
            return Check.problem("board", "not a Raspberry Pi (" + paths.model() + " is missing)",
                    "run percuss doctor on the Raspberry Pi the rig is wired to");
        }
        if (!model.get().contains("Raspberry Pi")) {
            return Check.problem("board", "'" + model.get() + "' is not a Raspberry Pi",
                    "run percuss doctor on the Raspberry Pi the rig is wired to");
        }
        return Check.ok("board", model.get() + (paths.usesRp1() ? " (GPIO and PWM on its RP1)" : ""));
    }

    private Check gpioChip(Identity me) {
        Path chip = paths.gpioChip();
        if (!Files.exists(chip)) {
            return Check.problem("gpio chip", chip + " is missing: no GPIO character device here",
                    "run percuss on a Raspberry Pi with Raspberry Pi OS (Bookworm or later)");
        }
        if (!Files.isReadable(chip) || !Files.isWritable(chip)) {
            return Check.problem("gpio chip", chip + " is there but not open to this user",
                    "sudo usermod -aG gpio " + user() + " (then log in again)");
        }
        return Check.ok("gpio chip", chip + " is open to this user");
    }

    private List<Check> pwm(GpioRig rig, Identity me) {
        List<Check> checks = new ArrayList<>();
        int n = paths.pwmChipNumber();
        Path chip = paths.pwmChip(n);
        String overlay = "dtoverlay=pwm,pin=18,func=2";
        if (!Files.isDirectory(chip)) {
            boolean written = bootConfigHas("dtoverlay=pwm");
            checks.add(Check.problem("pwm", chip + " is missing: the PWM overlay is not loaded" + (written
                    ? " (" + CONFIG_TXT + " has it: the Pi has not been restarted since)" : ""),
                    written ? "sudo reboot" : "echo '" + overlay + "' | sudo tee -a " + CONFIG_TXT + " && sudo reboot"));
        } else {
            int channels = readInt(chip.resolve("npwm"));
            if (channels >= 0 && rig.pwmChannel() >= channels) {
                checks.add(Check.problem("pwm", chip + " has " + channels + " channels, not channel " + rig.pwmChannel(),
                        "set gpio.pwm_channel to GPIO18's channel: " + (paths.usesRp1() ? 2 : 0)));
            } else if (Files.isWritable(chip.resolve("export")) || Files.isWritable(chip.resolve("pwm" + rig.pwmChannel())
                    .resolve("duty_cycle"))) {
                checks.add(Check.ok("pwm", chip + ", channel " + rig.pwmChannel() + ", open to this user"));
            } else {
                checks.add(Check.problem("pwm", chip + " is there but its export is not open to this user",
                        "sudo usermod -aG gpio " + user() + " and install the percuss package's udev rule "
                                + "(sudo apt install ./percuss_*.deb)"));
            }
        }
        // GPIO18 is PWM channel 0 up to the Pi 4, channel 2 of the RP1 on a Pi 5 (GPIO19: 1 or 3)
        boolean rp1Channel = rig.pwmChannel() >= 2;
        if (paths.modelName().isPresent() && rp1Channel != paths.usesRp1()) {
            int right = (paths.usesRp1() ? 2 : 0) + rig.pwmChannel() % 2;
            checks.add(Check.problem("pwm channel", "channel " + rig.pwmChannel() + " is " + (paths.usesRp1()
                    ? "not on a Pi 5's RP1" : "a Pi 5's") + "; GPIO" + (18 + rig.pwmChannel() % 2) + " is channel " + right
                    + " on this board", "set gpio.pwm_channel: " + right + " in the config"));
        }
        return checks;
    }

    private Check group(Identity me, String group, String what) {
        String name = "group " + group;
        if (me.root()) {
            return Check.ok(name, "running as root, so " + what + " need no group (the service's percuss user is in "
                    + group + ")");
        }
        if (!me.groupExists(group)) {
            return Check.problem(name, "this machine has no group '" + group + "' (Raspberry Pi OS has it)",
                    "sudo groupadd --system " + group);
        }
        if (!me.in(group)) {
            return Check.problem(name, "this user is not in it, so " + what + " are closed to it",
                    "sudo usermod -aG " + group + " " + user() + " (then log in again)");
        }
        return Check.ok(name, "this user is in it");
    }

    private List<Check> i2c(RigSensors sensors) {
        List<Check> checks = new ArrayList<>();
        List<Integer> buses = Stream.of(sensors.current().map(CurrentSense::bus), sensors.motion().map(MotionSense::bus),
                        sensors.temperature().filter(t -> t instanceof TemperatureSense.Ads1115Ntc)
                                .map(t -> ((TemperatureSense.Ads1115Ntc) t).bus()))
                .flatMap(Optional::stream).distinct().toList();
        List<Integer> usable = new ArrayList<>();
        for (int bus : buses) {
            Path node = paths.i2cBus(bus);
            String fix = busFix(bus);
            if (!Files.exists(node)) {
                checks.add(Check.problem("i2c bus " + bus, node + " is missing: I2C is not enabled", fix));
            } else if (!Files.isReadable(node) || !Files.isWritable(node)) {
                checks.add(Check.problem("i2c bus " + bus, node + " is there but not open to this user",
                        "sudo usermod -aG i2c " + user() + " (then log in again)"));
            } else {
                checks.add(Check.ok("i2c bus " + bus, node + " is open to this user"));
                usable.add(bus);
            }
        }
        SensorProbe probe = null;
        try {
            if (sensors.current().isPresent()) {
                CurrentSense c = sensors.current().get();
                if (usable.contains(c.bus())) {
                    probe = probe == null ? probes.get() : probe;
                }
                checks.add(sensor(c.name(), c.bus(), c.address(), usable, usable.contains(c.bus()) ? probe.problem(c) : null));
            }
            if (sensors.motion().isPresent()) {
                MotionSense m = sensors.motion().get();
                if (usable.contains(m.bus())) {
                    probe = probe == null ? probes.get() : probe;
                }
                checks.add(sensor(m.name(), m.bus(), m.address(), usable, usable.contains(m.bus()) ? probe.problem(m) : null));
            }
            if (sensors.temperature().orElse(null) instanceof TemperatureSense.Ads1115Ntc a) {
                if (usable.contains(a.bus())) {
                    probe = probe == null ? probes.get() : probe;
                }
                checks.add(sensor(a.name(), a.bus(), a.address(), usable, usable.contains(a.bus()) ? probe.problem(a) : null));
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
        return checks;
    }

    private Check sensor(String name, int bus, int address, List<Integer> usable, Optional<String> problem) {
        if (!usable.contains(bus)) {
            return Check.problem(name, "not asked: I2C bus " + bus + " is not usable (see its check)", busFix(bus)
                    + ", then run percuss doctor again");
        }
        if (problem.isPresent()) {
            return Check.problem(name, problem.get(), "check its wiring (bus " + bus + (bus == 1 ? ": SDA GPIO2, SCL GPIO3" : "")
                    + ", 3.3 V, ground) and its address; 'i2cdetect -y " + bus + "' lists the addresses that answer");
        }
        return Check.ok(name, "answers at " + String.format("0x%02x", address));
    }

    private Check oneWire(TemperatureSense.Ds18b20 w1) {
        Path devices = paths.oneWireDevices();
        String name = w1.name();
        if (!Files.isDirectory(devices)) {
            String overlay = "dtoverlay=w1-gpio,gpiopin=" + w1.pin();
            boolean written = bootConfigHas("dtoverlay=w1-gpio");
            return Check.problem(name, devices + " is missing: the 1-wire overlay is not loaded" + (written ? " (" + CONFIG_TXT
                    + " has it: the Pi has not been restarted since)" : ""), written ? "sudo reboot"
                    : "echo '" + overlay + "' | sudo tee -a " + CONFIG_TXT + " && sudo reboot");
        }
        if (Files.isDirectory(devices.resolve(w1.id()))) {
            return Check.ok(name, "on the 1-wire bus");
        }
        List<String> present;
        try (Stream<Path> list = Files.list(devices)) {
            present = list.map(p -> p.getFileName().toString()).filter(s -> s.startsWith("28-")).sorted().toList();
        } catch (IOException e) {
            present = List.of();
        }
        return present.isEmpty()
                ? Check.problem(name, "not on the 1-wire bus, and no DS18B20 is",
                        "check its wiring: data to GPIO" + w1.pin() + " with a 4.7 kΩ pull-up to 3.3 V, and its power")
                : Check.problem(name, "not on the 1-wire bus; these are: " + String.join(", ", present),
                        "set gpio.sensors.temperature.id to yours (ls " + devices + ")");
    }

    private static String busFix(int bus) {
        return bus == 1 ? "sudo raspi-config nonint do_i2c 0 && sudo reboot"
                : "enable I2C bus " + bus + " with its dtoverlay in " + CONFIG_TXT + " and reboot";
    }

    private boolean bootConfigHas(String text) {
        try {
            return Files.readAllLines(paths.bootConfig()).stream().map(String::strip).anyMatch(l -> l.startsWith(text));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int readInt(Path file) {
        try {
            return Integer.parseInt(Files.readString(file).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String user() {
        return "$USER";
    }
}
