package org.percuss.controller.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.percuss.simulator.board.Transport;
import picocli.CommandLine;

/** {@code --transport direct|serial|gpio}, refusing anything else with the choices named. */
final class TransportConverter implements CommandLine.ITypeConverter<Transport> {

    @Override
    public Transport convert(String value) {
        for (Transport t : Transport.values()) {
            if (t.key().equals(value)) {
                return t;
            }
        }
        throw new CommandLine.TypeConversionException("must be one of " + Arrays.stream(Transport.values())
                .map(Transport::key).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
