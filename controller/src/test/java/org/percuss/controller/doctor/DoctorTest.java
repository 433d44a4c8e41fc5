package org.percuss.controller.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.device.gpio.PiPaths;
import org.percuss.device.gpio.SensorProbe;
import org.percuss.device.gpio.VirtualI2c;

/**
 * The doctor on a fake Raspberry Pi: a {@code /dev}, {@code /sys}, {@code /proc}, {@code /etc} and
 * {@code /boot} tree in a temporary directory, and the sensors' chips on a virtual I2C bus.
 */
class DoctorTest {

    @TempDir
    Path root;

    private final VirtualI2c i2c = new VirtualI2c();
    private Path config;

    private Path write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** A Pi 5 with everything the rig of {@link #config} needs, for user 1000 in gpio and i2c. */
    @BeforeEach
    void aPi5SetUpForTheRig() throws IOException {
        write("proc/device-tree/model", "Raspberry Pi 5 Model B Rev 1.0\0");
        write("dev/gpiochip0", "");
        write("dev/i2c-1", "");
        Path rp1 = root.resolve("sys/devices/platform/axi/1000120000.pcie/1f00098000.pwm/pwm/pwmchip2");
        Files.createDirectories(rp1);
        Files.writeString(rp1.resolve("npwm"), "4\n");
        Files.writeString(rp1.resolve("export"), "");
        Files.createDirectories(root.resolve("sys/class/pwm"));
        Files.createSymbolicLink(root.resolve("sys/class/pwm/pwmchip2"), rp1);
        Files.createDirectories(root.resolve("sys/bus/w1/devices/28-0316a2795fff"));
        write("etc/group", "root:x:0:\ngpio:x:997:ada\ni2c:x:998:ada\nada:x:1000:\n");
        write("proc/self/status", "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nGroups:\t997 998 1000 \n");
        write("boot/firmware/config.txt", "dtoverlay=pwm,pin=18,func=2\ndtparam=i2c_arm=on\n");
        i2c.attach(1, 0x40, 2).setWord(0x00, 0x399F);
        i2c.attach(1, 0x68, 1).setByte(0x75, 0x68);
        config = write("rig.yaml", """
                gpio:
                  pwm_channel: 2
                  sensors:
                    current: {chip: ina219, address: 0x40, shunt_ohms: 0.01}
                    motion: {chip: mpu6050, address: 0x68}
                    temperature: {chip: ds18b20, id: 28-0316a2795fff}
                """);
    }

    private List<Check> examine() {
        return new Doctor(new PiPaths(root), () -> SensorProbe.on(i2c), Runtime.Version.parse("21.0.5"), "/usr/lib/jvm/java-21")
                .examine(config);
    }

    private Check check(String name) {
        return examine().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no check " + name + " in " + examine()));
    }

    @Test
    void aPiSetUpForTheRigPassesEveryCheck() {
        List<Check> checks = examine();
        assertThat(checks).allSatisfy(c -> assertThat(c.ok()).as(c.toString()).isTrue());
        assertThat(checks).extracting(Check::name).containsExactly("java", "config", "board", "gpio chip", "pwm",
                "group gpio", "group i2c", "i2c bus 1", "INA219 at 0x40 on bus 1", "MPU-6050 at 0x68 on bus 1",
                "DS18B20 28-0316a2795fff");
        assertThat(check("board").found()).isEqualTo("Raspberry Pi 5 Model B Rev 1.0 (GPIO and PWM on its RP1)");
        assertThat(check("pwm").toString()).isEqualTo("ok       pwm: " + root.resolve("sys/class/pwm/pwmchip2")
                + ", channel 2, open to this user");
    }

    @Test
    void onAPi5Gpio18IsChannelTwo() throws IOException {
        Files.writeString(config, Files.readString(config).replace("pwm_channel: 2", "pwm_channel: 0"));
        assertThat(check("pwm channel").toString()).isEqualTo("problem  pwm channel: channel 0 is not on a Pi 5's RP1; "
                + "GPIO18 is channel 2 on this board; fix: set gpio.pwm_channel: 2 in the config");
    }

    @Test
    void anOverlayWrittenButNotLoadedAsksForARestartAndOneNotWrittenForItsLine() throws IOException {
        write("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.5\0");
        Files.writeString(config, Files.readString(config).replace("pwm_channel: 2", "pwm_channel: 0"));
        assertThat(check("pwm").toString()).isEqualTo("problem  pwm: " + root.resolve("sys/class/pwm/pwmchip0")
                + " is missing: the PWM overlay is not loaded (/boot/firmware/config.txt has it: the Pi has not been "
                + "restarted since); fix: sudo reboot");
        write("boot/firmware/config.txt", "");
        assertThat(check("pwm").fix()).isEqualTo(
                "echo 'dtoverlay=pwm,pin=18,func=2' | sudo tee -a /boot/firmware/config.txt && sudo reboot");
    }

    @Test
    void aUserOutsideTheGroupsIsToldHowToJoin() throws IOException {
        write("proc/self/status", "Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nGroups:\t1000\n");
        assertThat(check("group gpio").toString()).isEqualTo("problem  group gpio: this user is not in it, so the pins "
                + "and the PWM are closed to it; fix: sudo usermod -aG gpio $USER (then log in again)");
        assertThat(check("group i2c").ok()).isFalse();
    }

    @Test
    void eachSensorIsAskedOnItsBusAndOneThatDoesNotAnswerOrIsAnotherChipIsNamed() throws IOException {
        i2c.chip(1, 0x40).setAnswering(false);
        i2c.chip(1, 0x68).setByte(0x75, 0x12);
        assertThat(check("INA219 at 0x40 on bus 1").toString()).startsWith("problem  INA219 at 0x40 on bus 1: no answer; "
                + "fix: check its wiring (bus 1: SDA GPIO2, SCL GPIO3, 3.3 V, ground) and its address; 'i2cdetect -y 1'");
        assertThat(check("MPU-6050 at 0x68 on bus 1").found()).isEqualTo(
                "answers WHO_AM_I 0x12: not an MPU-6050-family chip (0x68, 0x70, 0x71, 0x73)");
    }

    @Test
    void sensorsOnABusThatIsNotThereAreNotAskedAndSaySo() throws IOException {
        Files.delete(root.resolve("dev/i2c-1"));
        assertThat(check("i2c bus 1").toString()).isEqualTo("problem  i2c bus 1: " + root.resolve("dev/i2c-1")
                + " is missing: I2C is not enabled; fix: sudo raspi-config nonint do_i2c 0 && sudo reboot");
        assertThat(check("INA219 at 0x40 on bus 1").found()).isEqualTo("not asked: I2C bus 1 is not usable (see its check)");
    }

    @Test
    void aDs18b20NotOnTheBusListsTheOnesThatAre() throws IOException {
        Files.delete(root.resolve("sys/bus/w1/devices/28-0316a2795fff"));
        Files.createDirectories(root.resolve("sys/bus/w1/devices/28-00000a1b2c3d"));
        assertThat(check("DS18B20 28-0316a2795fff").toString()).isEqualTo("problem  DS18B20 28-0316a2795fff: not on the "
                + "1-wire bus; these are: 28-00000a1b2c3d; fix: set gpio.sensors.temperature.id to yours (ls "
                + root.resolve("sys/bus/w1/devices") + ")");
    }

    @Test
    void aBadConfigIsAProblemWithTheCommandThatListsItsProblems() throws IOException {
        Files.writeString(config, "gpio:\n  esc_frequency_hz: 490\n");
        assertThat(check("config").toString()).startsWith("problem  config: 1 problem in " + config + " (first: " + config
                + ":2: gpio.esc_frequency_hz: 490 is outside 50..400 Hz)").endsWith("; fix: percuss config check " + config);
    }

    @Test
    void anOldJavaIsNamed() {
        List<Check> checks = new Doctor(new PiPaths(root), () -> SensorProbe.on(i2c), Runtime.Version.parse("17.0.9"),
                "/usr/lib/jvm/java-17").examine(config);
        assertThat(checks.get(0).toString()).isEqualTo("problem  java: Java 17.0.9 at /usr/lib/jvm/java-17, older than 21; "
                + "fix: sudo apt install openjdk-21-jre-headless");
    }

    @Test
    void nothingOfAPiIsEachAProblemNoneAnException() throws IOException {
        Path empty = Files.createDirectory(root.resolve("empty"));
        List<Check> checks = new Doctor(new PiPaths(empty), () -> SensorProbe.on(i2c), Runtime.version(), "/jdk")
                .examine(config);
        assertThat(checks).filteredOn(c -> !c.ok()).extracting(Check::name).containsExactly("board", "gpio chip", "pwm",
                "group gpio", "group i2c", "i2c bus 1", "INA219 at 0x40 on bus 1", "MPU-6050 at 0x68 on bus 1",
                "DS18B20 28-0316a2795fff");
    }
}
