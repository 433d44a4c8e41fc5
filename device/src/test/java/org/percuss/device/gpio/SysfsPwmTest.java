package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ESC's sysfs PWM channel, on a fake {@code /sys/class/pwm/pwmchip0} in a temporary directory. */
class SysfsPwmTest {

    @TempDir
    Path chip;

    private String read(String file) throws IOException {
        return Files.readString(chip.resolve("pwm2").resolve(file));
    }

    @Test
    void theFirstPulseSetsThePeriodAndEnablesLaterOnesOnlyTheDuty() throws IOException {
        Files.createDirectories(chip.resolve("pwm2"));
        for (String f : new String[] {"period", "duty_cycle", "enable"}) {
            Files.writeString(chip.resolve("pwm2").resolve(f), "0");
        }
        SysfsPwm pwm = SysfsPwm.open(chip, 2);
        pwm.pulse(50, 1000);
        assertThat(read("period")).isEqualTo("20000000");
        assertThat(read("duty_cycle")).isEqualTo("1000000");
        assertThat(read("enable")).isEqualTo("1");
        Files.writeString(chip.resolve("pwm2").resolve("period"), "marker");
        pwm.pulse(50, 1460);
        assertThat(read("duty_cycle")).isEqualTo("1460000");
        assertThat(read("period")).as("not written again").isEqualTo("marker");
        assertThat(pwm.micros()).isEqualTo(1460);
    }

    @Test
    void aChannelThatIsNotExportedIsExportedAndOneThatNeverAppearsIsNamed() throws IOException {
        Files.writeString(chip.resolve("export"), "");
        assertThatThrownBy(() -> SysfsPwm.open(chip, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("pwm0/duty_cycle is not writable").hasMessageContaining("gpio group");
        assertThat(Files.readString(chip.resolve("export"))).isEqualTo("0");
    }
}
