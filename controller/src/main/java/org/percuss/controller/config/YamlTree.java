package org.percuss.controller.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.percuss.controller.files.InputFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into {@link YamlNode}s that keep their line numbers and key paths, using
 * Jackson's streaming YAML parser. A syntax error, or a key written twice in one mapping, becomes a
 * {@link YamlException} naming the line.
 */
public final class YamlTree {

    /**
     * The most code points SnakeYAML reads from one document: the byte limit of a YAML file
     * ({@link InputFile#YAML_LIMIT_BYTES}), which has at most as many code points as bytes. The
     * files are size-checked before they get here; this bounds any other reader too (SnakeYAML's
     * scanner slows down quadratically on a very long line).
     */
    static final int CODE_POINT_LIMIT = InputFile.YAML_LIMIT_BYTES;

    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(CODE_POINT_LIMIT);
        return o;
    }

    private YamlTree() {
    }

    /**
     * The document in {@code text}; an empty document is an empty mapping.
     *
     * @throws YamlException when it is not valid YAML
     */
    public static YamlNode read(String text) throws YamlException {
        try {
            return read(new StringReader(text));
        } catch (YamlException e) {
            throw e;
        } catch (IOException e) {
            throw new YamlException(0, "not valid YAML: " + e.getMessage());
        }
    }

    /**
     * The document in {@code reader}; an empty document is an empty mapping.
     *
     * @throws YamlException when it is not valid YAML
     * @throws IOException when it cannot be read
     */
    public static YamlNode read(Reader reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(Map.of(), 1, "");
            }
            YamlNode root = node(parser, "");
            if (parser.nextToken() != null) {
                throw new YamlException(line(parser), "more than one document in the file");
            }
            return root;
        } catch (JsonProcessingException e) {
            // SnakeYAML's own exception has the problem, its context and the line apart; its
            // message spans lines with echoes of the source, which a one-line error cannot use.
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String context = m.getContext() == null ? "" : m.getContext() + ": ";
                throw new YamlException(m.getProblemMark().getLine() + 1, "not valid YAML: " + context + m.getProblem());
            }
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new YamlException(line, "not valid YAML: " + m.lines().findFirst().orElse("").strip());
        } catch (RuntimeException e) {
            // SnakeYAML's own limits and errors that Jackson lets through
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new YamlException(0, "not valid YAML: " + m.lines().findFirst().orElse("").strip());
        }
    }

    private static YamlNode node(JsonParser p, String path) throws IOException {
        int line = line(p);
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    p.nextToken();
                    if (entries.containsKey(key)) {
                        throw new YamlException(keyLine, childPath + ": written twice");
                    }
                    entries.put(key, node(p, childPath));
                }
                yield new YamlNode.Mapping(entries, line, path);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, path + "[" + items.size() + "]"));
                }
                yield new YamlNode.Sequence(items, line, path);
            }
            case VALUE_NULL -> new YamlNode.Scalar(null, line, path);
            default -> new YamlNode.Scalar(p.getText(), line, path);
        };
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** The document is not valid YAML; {@link #line()} says where. */
    public static final class YamlException extends IOException {
        private final int line;

        public YamlException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
