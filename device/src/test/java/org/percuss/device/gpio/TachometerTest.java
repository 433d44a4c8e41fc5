package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TachometerTest {

    private static final long MS = 1_000_000L;

    @Test
    void noEdgeReadsZero() {
        assertThat(new Tachometer(1).ppm(5_000 * MS)).isZero();
    }

    @Test
    void evenEdgesGiveTheirRate() {
        Tachometer tach = new Tachometer(1);
        // 2400 ppm at one pulse per revolution: an edge every 25 ms
        for (int i = 0; i < 20; i++) {
            tach.edge(i * 25 * MS);
        }
        assertThat(tach.ppm(19 * 25 * MS + 5 * MS)).isEqualTo(2400);
    }

    @Test
    void pulsesPerRevolutionDivideTheRate() {
        Tachometer tach = new Tachometer(4);
        // 4 pulses a revolution, an edge every 10 ms: 100 pulses/s, 25 rev/s, 1500 ppm
        for (int i = 0; i < 20; i++) {
            tach.edge(i * 10 * MS);
        }
        assertThat(tach.ppm(190 * MS)).isEqualTo(1500);
    }

    @Test
    void aStoppingMotorReadsFallingAndThenZero() {
        Tachometer tach = new Tachometer(1);
        for (int i = 0; i < 20; i++) {
            tach.edge(i * 25 * MS);
        }
        long last = 19 * 25 * MS;
        // 100 ms after the last edge it cannot be faster than one revolution per 100 ms: 600 ppm
        assertThat(tach.ppm(last + 100 * MS)).isEqualTo(600);
        assertThat(tach.ppm(last + 300 * MS)).isEqualTo(200);
        assertThat(tach.ppm(last + Tachometer.SILENCE_NANOS)).isZero();
    }

    @Test
    void aSingleEdgeIsNoSpeedYet() {
        Tachometer tach = new Tachometer(1);
        tach.edge(10 * MS);
        assertThat(tach.ppm(11 * MS)).isZero();
    }

    @Test
    void edgesBeforeALongSilenceAreNotAveragedIn() {
        Tachometer tach = new Tachometer(1);
        tach.edge(0);
        tach.edge(1000 * MS); // a second later: a new start
        tach.edge(1050 * MS);
        tach.edge(1100 * MS);
        assertThat(tach.ppm(1101 * MS)).isEqualTo(1200);
    }
}
