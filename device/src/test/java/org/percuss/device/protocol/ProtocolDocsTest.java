package org.percuss.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md must agree with the code and with docs/protocol-vectors.txt: every test vector
 * in its table decodes to one packet whose re-encoding gives the same bytes, the table lists
 * exactly the vectors file's PROTOCOL.md vectors, and the CRC check value it states holds.
 */
class ProtocolDocsTest {

    private static final Path DOC = Path.of("..", "docs", "protocol.md");
    private static final Pattern VECTOR_ROW = Pattern.compile("^\\| ([^|]+) \\| `([0-9a-f ]+)` \\|$");

    @Test
    void everyVectorInTheDocsIsWhatTheCodecProduces() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = VECTOR_ROW.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            byte[] wire = HexFormat.of().parseHex(m.group(2).replace(" ", ""));
            List<Packet> packets = new ArrayList<>();
            new PacketDecoder().feed(wire, 0, wire.length, packets::add);
            assertThat(packets).as(m.group(1)).hasSize(1);
            assertThat(PacketEncoder.toWire(packets.get(0))).as(m.group(1)).isEqualTo(wire);
            checked.add(m.group(1));
        }
        assertThat(checked).as("vectors found in " + DOC).hasSize(6);
    }

    @Test
    void theTableListsTheVectorsFilesProtocolMdVectorsInOrder() throws IOException {
        List<String> table = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = VECTOR_ROW.matcher(line.strip());
            if (m.matches()) {
                table.add(m.group(2));
            }
        }
        assertThat(table).isEqualTo(ProtocolVectors.fromTheSpecification().stream()
                .map(v -> HexFormat.ofDelimiter(" ").formatHex(v.wire())).toList());
    }

    @Test
    void theDocsStateTheCrcCheckValue() throws IOException {
        assertThat(Files.readString(DOC)).contains("`123456789` give\n`0x29B1`");
    }
}
