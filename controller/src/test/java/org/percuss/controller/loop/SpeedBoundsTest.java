package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.percuss.controller.config.SpeedLevels;
import org.percuss.device.api.Capabilities;
import org.junit.jupiter.api.Test;

class SpeedBoundsTest {

    @Test
    void usesOnlyTheLevelsInsideTheDevicesRange() {
        SpeedBounds b = SpeedBounds.of(SpeedLevels.DEFAULT, new Capabilities(1500, 3000, Set.of(), 250, 20));
        assertThat(b.firstLevel()).isEqualTo(2);
        assertThat(b.lastLevel()).isEqualTo(4);
        assertThat(b.lowestPpm()).isEqualTo(1700);
        assertThat(b.highestPpm()).isEqualTo(2700);
        assertThat(b.usable(1)).isFalse();
        assertThat(b.whyUnusable(5)).contains("outside the usable levels 2..4");
        assertThat(b.clamp(9)).isEqualTo(4);
    }

    @Test
    void refusesADeviceNoLevelFits() {
        assertThatThrownBy(() -> SpeedBounds.of(SpeedLevels.DEFAULT, new Capabilities(100, 900, Set.of(), 250, 20)))
                .hasMessageContaining("no speed level").hasMessageContaining("100..900");
    }
}
