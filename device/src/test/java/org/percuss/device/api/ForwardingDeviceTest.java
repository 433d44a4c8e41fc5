package org.percuss.device.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

class ForwardingDeviceTest {

    private final PercussionDevice device = mock(PercussionDevice.class);
    private final ForwardingDevice forwarding = new ForwardingDevice(device) {
    };

    @Test
    void everyCallGoesToTheDeviceAndItsAnswerComesBack() {
        Capabilities caps = new Capabilities(1200, 3200, java.util.Set.of(), 250, 20);
        Telemetry t = new Telemetry(5, 1200, 0.5, 30, 15.6, Inputs.NONE, FaultSet.NONE, 7);
        when(device.name()).thenReturn("board");
        when(device.capabilities()).thenReturn(caps);
        when(device.commandSpeed(1700)).thenReturn(1700);
        when(device.telemetry()).thenReturn(t);
        when(device.clearStatus()).thenReturn(ClearStatus.CLEARED);
        when(device.faultDetail()).thenReturn("INA219 at 0x40: no answer");

        assertThat(forwarding.name()).isEqualTo("board");
        assertThat(forwarding.capabilities()).isSameAs(caps);
        assertThat(forwarding.commandSpeed(1700)).isEqualTo(1700);
        assertThat(forwarding.telemetry()).isSameAs(t);
        assertThat(forwarding.clearStatus()).isEqualTo(ClearStatus.CLEARED);
        assertThat(forwarding.faultDetail()).isEqualTo("INA219 at 0x40: no answer");
        forwarding.stop();
        forwarding.requestClearFaults();
        forwarding.close();
        verify(device).stop();
        verify(device).requestClearFaults();
        verify(device).close();
    }
}
