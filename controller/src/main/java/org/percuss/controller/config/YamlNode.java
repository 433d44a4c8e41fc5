package org.percuss.controller.config;

import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written: its line in the file and its key path
 * ({@code steps[3].for}), so that every complaint about it can say both.
 */
public sealed interface YamlNode {

    /** The 1-based line of the value in its file. */
    int line();

    /** The key path from the document's root: {@code session.limit}, {@code levels[2]}. */
    String path();

    /** A mapping; keys in file order. */
    record Mapping(Map<String, YamlNode> entries, int line, String path) implements YamlNode {
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, String path) implements YamlNode {
    }

    /** A scalar, as text ({@code null} for YAML's null). */
    record Scalar(String text, int line, String path) implements YamlNode {
    }

    /** A short description of the node's kind, for messages: "a list", "a mapping", "'abc'". */
    default String describe() {
        return switch (this) {
            case Mapping m -> "a mapping";
            case Sequence s -> "a list";
            case Scalar s -> s.text() == null ? "nothing" : "'" + s.text() + "'";
        };
    }
}
