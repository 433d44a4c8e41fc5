package org.percuss.controller.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.percuss.controller.config.DurationText;

/**
 * A strict view of a JSON object in a recording's header: every key asked for must be there with
 * the right type, or an {@link Invalid} names it by its path ({@code config.temperature.trip_c}).
 */
final class Json {

    /** A header key is missing or has the wrong type or value; the message names it. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** Builds a value that may refuse its inputs with an {@link IllegalArgumentException}. */
    @FunctionalInterface
    interface Build<T> {
        T get() throws Invalid;
    }

    private final JsonNode node;
    private final String path;

    Json(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    private String at(String key) {
        return path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
    }

    Invalid invalid(String key, String what) {
        return new Invalid(at(key) + " " + what);
    }

    private JsonNode field(String key) throws Invalid {
        if (!node.isObject()) {
            throw new Invalid((path.isEmpty() ? "the header" : path) + " is not an object");
        }
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new Invalid(at(key) + " is missing");
        }
        return v;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    Json object(String key) throws Invalid {
        JsonNode v = field(key);
        if (!v.isObject()) {
            throw invalid(key, "is not an object");
        }
        return new Json(v, at(key));
    }

    List<Json> array(String key) throws Invalid {
        JsonNode v = field(key);
        if (!v.isArray()) {
            throw invalid(key, "is not a list");
        }
        List<Json> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Json(v.get(i), at(key) + "[" + i + "]"));
        }
        return out;
    }

    Iterator<Map.Entry<String, JsonNode>> fields() {
        return node.fields();
    }

    String text(String key) throws Invalid {
        JsonNode v = field(key);
        if (!v.isTextual()) {
            throw invalid(key, "is not a text");
        }
        return v.textValue();
    }

    /** This node, a text. */
    String text() throws Invalid {
        if (!node.isTextual()) {
            throw new Invalid(path + " is not a text");
        }
        return node.textValue();
    }

    int integer(String key) throws Invalid {
        JsonNode v = field(key);
        if (!v.isInt()) {
            throw invalid(key, "is not a whole number");
        }
        return v.intValue();
    }

    /** This node, a whole number. */
    int integer() throws Invalid {
        if (!node.isInt()) {
            throw new Invalid(path + " is not a whole number");
        }
        return node.intValue();
    }

    double number(String key) throws Invalid {
        JsonNode v = field(key);
        if (!v.isNumber()) {
            throw invalid(key, "is not a number");
        }
        return v.doubleValue();
    }

    boolean bool(String key) throws Invalid {
        JsonNode v = field(key);
        if (!v.isBoolean()) {
            throw invalid(key, "is not true or false");
        }
        return v.booleanValue();
    }

    Duration duration(String key) throws Invalid {
        String t = text(key);
        try {
            return DurationText.parse(t);
        } catch (IllegalArgumentException e) {
            throw invalid(key, "is not a duration: " + e.getMessage());
        }
    }

    /** {@code build}'s value; an {@link IllegalArgumentException} from it names {@code key}. */
    <T> T build(String key, Build<T> build) throws Invalid {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new Invalid(at(key) + ": " + e.getMessage());
        }
    }
}
