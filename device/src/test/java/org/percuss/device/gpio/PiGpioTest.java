package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.device.api.DeviceException;
import org.percuss.device.time.Scheduler;

class PiGpioTest {

    @Test
    void withoutAGpioChipItSaysSoAndWhereToRunIt(@TempDir Path dir) {
        assertThatThrownBy(() -> PiGpio.open(GpioRig.DEFAULT, Scheduler.system(), new PiPaths(dir), 0))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("gpio: this machine has no GPIO")
                .hasMessageContaining("gpiochip0 is missing")
                .hasMessageContaining("Raspberry Pi");
    }

    @Test
    void withoutHardwarePwmItNamesTheOverlayToAdd(@TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("dev"));
        java.nio.file.Files.createFile(dir.resolve("dev/gpiochip0"));
        assertThatThrownBy(() -> PiGpio.open(GpioRig.DEFAULT, Scheduler.system(), new PiPaths(dir), 0))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("no hardware PWM")
                .hasMessageContaining("dtoverlay=pwm,pin=18,func=2");
    }

    @Test
    void aWrappedFailureIsReportedWithItsInnermostReasonOnce() {
        Exception e = new IllegalStateException("Failed to initialize IO percuss-pwm",
                new RuntimeException(new java.nio.file.NoSuchFileException("/sys/class/pwm/pwmchip0/npwm")));
        org.assertj.core.api.Assertions.assertThat(PiGpio.rootCause(e)).isEqualTo(
                "Failed to initialize IO percuss-pwm: java.nio.file.NoSuchFileException: /sys/class/pwm/pwmchip0/npwm");
    }
}
