package org.percuss.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.percuss.device.api.DeviceException;

/**
 * How {@link JSerialCommLink} takes jSerialComm's ways of failing that a pseudo-terminal cannot
 * produce, on a mocked {@link SerialPort}: each becomes one error naming the port, and once the port
 * is gone it stays gone.
 */
class JSerialCommLinkTest {

    private static final String PATH = "/dev/ttyUSB7";

    private final SerialPort port = mock(SerialPort.class);

    private JSerialCommLink openLink() {
        when(port.openPort()).thenReturn(true);
        return JSerialCommLink.open(port, PATH, 115200, JSerialCommLink.Reading.POLL);
    }

    @Test
    void aPortThatDoesNotOpenIsADeviceErrorNamingItAndNothingIsWritten() {
        when(port.openPort()).thenReturn(false);
        when(port.getLastErrorCode()).thenReturn(13);
        assertThatThrownBy(() -> JSerialCommLink.open(port, PATH, 115200, JSerialCommLink.Reading.POLL))
                .isInstanceOf(DeviceException.class)
                .hasMessageStartingWith("serial:/dev/ttyUSB7: cannot open the port (error 13;")
                .hasMessageContaining("dialout");
        verify(port, never()).writeBytes(any(byte[].class), anyInt(), anyInt());
    }

    @Test
    void theLinkIsConfiguredAs8N1WithoutFlowControlAndListensForTheUnplug() {
        openLink();
        verify(port).setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        verify(port).setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        ArgumentCaptor<SerialPortDataListener> listener = ArgumentCaptor.forClass(SerialPortDataListener.class);
        verify(port).addDataListener(listener.capture());
        assertThat(listener.getValue().getListeningEvents()).isEqualTo(SerialPort.LISTENING_EVENT_PORT_DISCONNECTED);
    }

    @Test
    void aPollingLinkReadsWithoutBlockingAndLooksAgainAfterAWaitWhenNothingCame() throws IOException {
        JSerialCommLink link = openLink();
        verify(port).setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 200);
        when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(0);
        assertThat(link.read(new byte[16], 0, 16)).isZero();
        verify(port, times(2)).readBytes(any(byte[].class), anyInt(), anyInt());
    }

    @Test
    void aLinkThatWaitsForDataReadsInTheKernelOnceAndDoesNotSpinOnAnEmptyRead() throws IOException {
        when(port.openPort()).thenReturn(true);
        JSerialCommLink link = JSerialCommLink.open(port, PATH, 115200, JSerialCommLink.Reading.UNTIL_DATA);
        verify(port).setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 200);
        when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(0, 5);
        assertThat(link.read(new byte[16], 0, 16)).isZero();
        assertThat(link.read(new byte[16], 0, 16)).isEqualTo(5);
        verify(port, times(2)).readBytes(any(byte[].class), anyInt(), anyInt());
    }

    @Nested
    class OnceOpen {

        private final JSerialCommLink link = openLink();
        private final byte[] frame = {5, 3, 8, 0x54, (byte) 0xc9, 0};

        @Test
        void aReadOfMinusOneIsTheEndOfReadingButALastWriteIsStillTried() throws IOException {
            when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(-1);
            when(port.writeBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(frame.length);
            assertThat(link.read(new byte[16], 0, 16)).isEqualTo(-1);
            assertThat(link.read(new byte[16], 0, 16)).as("ended stays ended").isEqualTo(-1);
            link.write(frame, 0, frame.length); // a STOP may still get through
            verify(port).writeBytes(frame, frame.length, 0);
        }

        @Test
        void aReadThatThrowsFailsNamingThePortAndEndsReading() throws IOException {
            when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenThrow(new IllegalStateException("bad handle"));
            assertThatThrownBy(() -> link.read(new byte[16], 0, 16)).isInstanceOf(IOException.class)
                    .hasMessage("serial:/dev/ttyUSB7: bad handle");
            assertThat(link.read(new byte[16], 0, 16)).isEqualTo(-1);
        }

        @Test
        void theDisconnectedEventEndsReadsAndWritesNamingThePort() throws IOException {
            ArgumentCaptor<SerialPortDataListener> listener = ArgumentCaptor.forClass(SerialPortDataListener.class);
            verify(port).addDataListener(listener.capture());
            when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(0);
            assertThat(link.read(new byte[16], 0, 16)).isZero();

            listener.getValue().serialEvent(new SerialPortEvent(port, SerialPort.LISTENING_EVENT_PORT_DISCONNECTED));

            assertThat(link.read(new byte[16], 0, 16)).isEqualTo(-1);
            assertThatThrownBy(() -> link.write(frame, 0, frame.length)).isInstanceOf(IOException.class)
                    .hasMessage("serial:/dev/ttyUSB7: the port was disconnected (unplugged, or the other end closed it)");
            verify(port, never()).writeBytes(any(byte[].class), anyInt(), anyInt());
        }

        @Test
        void aShortWriteFailsNamingThePortAndHowMuchWentOut() {
            when(port.writeBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(3);
            when(port.getLastErrorCode()).thenReturn(11);
            assertThatThrownBy(() -> link.write(frame, 0, frame.length)).isInstanceOf(IOException.class)
                    .hasMessage("serial:/dev/ttyUSB7: wrote 3 of 6 bytes (error 11)");
        }

        @Test
        void aWriteThatThrowsFailsNamingThePort() {
            IllegalStateException cause = new IllegalStateException("native write failed");
            when(port.writeBytes(any(byte[].class), anyInt(), anyInt())).thenThrow(cause);
            assertThatThrownBy(() -> link.write(frame, 0, frame.length)).isInstanceOf(IOException.class)
                    .hasMessage("serial:/dev/ttyUSB7: native write failed").hasCause(cause);
        }

        @Test
        void closingClosesThePortOnce() throws IOException {
            link.close();
            link.close();
            verify(port, timeout(2000)).closePort(); // on a thread of its own: jSerialComm's close may wait
            assertThat(link.read(new byte[16], 0, 16)).isEqualTo(-1);
            assertThatThrownBy(() -> link.write(frame, 0, frame.length)).hasMessage("serial:/dev/ttyUSB7 is closed");
        }
    }
}
