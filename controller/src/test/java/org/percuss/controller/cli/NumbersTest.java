package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({"0,3,0.000", "1.5,3,1.500", "0.005,3,0.005", "0.05,3,0.050", "41.25,1,41.3", "-3.14159,2,-3.14",
        "16.42,3,16.420", "900.01,3,900.010", "7,0,7", "-0.0001,3,0.000"})
    void formatsFixedPoint(double value, int decimals, String expected) {
        assertThat(Numbers.appendFixed(new StringBuilder(), value, decimals).toString()).isEqualTo(expected);
    }
}
