package org.percuss.device.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void featuresRoundTripThroughTheWireByte() {
        Set<Capability> features = EnumSet.of(Capability.CURRENT_SENSE, Capability.MOTION_SENSOR);
        Capabilities caps = new Capabilities(1000, 3500, features, 250, 20);
        assertThat(caps.featuresToWire()).isEqualTo(0b1001);
        assertThat(Capabilities.featuresFromWire(0b1001)).isEqualTo(features);
        assertThat(caps.has(Capability.TEMPERATURE)).isFalse();
    }

    @Test
    void refusesAnImpossibleSpeedRange() {
        assertThatThrownBy(() -> new Capabilities(3000, 1000, Set.of(), 250, 20))
                .hasMessageContaining("min_ppm <= max_ppm");
        assertThatThrownBy(() -> new Capabilities(0, 1000, Set.of(), 250, 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputsSetAndClearBits() {
        Inputs in = Inputs.NONE.with(Input.EMERGENCY_STOP, true).with(Input.MOTION, true);
        assertThat(in.bits()).isEqualTo(0x18);
        assertThat(in.with(Input.MOTION, false).isActive(Input.MOTION)).isFalse();
        assertThat(in.isActive(Input.EMERGENCY_STOP)).isTrue();
    }
}
