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

    private static final SpeedBounds ALL = SpeedBounds.of(SpeedLevels.DEFAULT, new Capabilities(1000, 3500, Set.of(), 250, 20));

    @Test
    void aLevelExactlyAtTheDevicesMinimumOrMaximumIsUsable() {
        SpeedBounds b = SpeedBounds.of(SpeedLevels.DEFAULT, new Capabilities(1700, 2700, Set.of(), 250, 20));
        assertThat(b.firstLevel()).isEqualTo(2);
        assertThat(b.lastLevel()).isEqualTo(4);
    }

    @Test
    void aZonesMaximumCapsTheLastLevelAndZeroOrOneAtOrAboveItCapsNothing() {
        assertThat(ALL.capAt(0)).isEqualTo(ALL);
        assertThat(ALL.capAt(5)).isEqualTo(ALL);
        assertThat(ALL.capAt(7)).isEqualTo(ALL);
        SpeedBounds capped = ALL.capAt(4);
        assertThat(capped.lastLevel()).isEqualTo(4);
        assertThat(capped.highestPpm()).isEqualTo(2700);
        assertThat(capped.usable(5)).isFalse();
        assertThat(capped.usable(4)).isTrue();
        assertThat(ALL.capAt(1).lastLevel()).isEqualTo(1);
    }

    @Test
    void aMaximumUnderEveryUsableLevelLeavesNoLevel() {
        SpeedBounds from2 = SpeedBounds.of(SpeedLevels.DEFAULT, new Capabilities(1500, 3500, Set.of(), 250, 20));
        assertThat(from2.capAt(2).lastLevel()).isEqualTo(2);
        assertThatThrownBy(() -> from2.capAt(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no usable level is at or under level 1");
    }

    @Test
    void theRecordRefusesLevelsThatDoNotFit() {
        assertThat(new SpeedBounds(SpeedLevels.DEFAULT, 1, 1).lastLevel()).isEqualTo(1);
        assertThat(new SpeedBounds(SpeedLevels.DEFAULT, 5, 5).firstLevel()).isEqualTo(5);
        assertThatThrownBy(() -> new SpeedBounds(SpeedLevels.DEFAULT, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usable levels 0..3 do not fit 5 levels");
        assertThatThrownBy(() -> new SpeedBounds(SpeedLevels.DEFAULT, 1, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpeedBounds(SpeedLevels.DEFAULT, 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clampingMovesALevelIntoTheUsableRangeAndLeavesOneInsideAlone() {
        SpeedBounds b = SpeedBounds.of(SpeedLevels.DEFAULT, new Capabilities(1500, 3000, Set.of(), 250, 20));
        assertThat(b.clamp(1)).isEqualTo(2);
        assertThat(b.clamp(3)).isEqualTo(3);
        assertThat(b.clamp(5)).isEqualTo(4);
        assertThat(b.usable(2)).isTrue();
        assertThat(b.ppmOf(3)).isEqualTo(2200);
    }

    @Test
    void saysWhyALevelCannotBeUsed() {
        SpeedBounds b = ALL.capAt(3);
        assertThat(b.whyUnusable(0)).isEqualTo("level must be 1..5, got 0");
        assertThat(b.whyUnusable(6)).isEqualTo("level must be 1..5, got 6");
        assertThat(b.whyUnusable(5)).isEqualTo("level 5 (3200 ppm) is outside the usable levels 1..3"
                + " (the device's range, and the zone's maximum)");
        assertThat(b.whyUnusable(1)).startsWith("level 1 (1200 ppm) is outside");
    }
}
