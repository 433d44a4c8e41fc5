package org.percuss.controller.text;

/**
 * Shows user input (an option's value, a path, a YAML key or value) inside a one-line message:
 * control characters are written as escapes, so a value cannot break the line, and a long value
 * is cut in the middle to a readable length, saying how long it was. Every error percuss prints
 * passes through {@link #line}, so a 100,000-character option comes back as about a hundred.
 */
public final class Echo {

    /** The longest run of non-blank characters shown whole. */
    static final int MAX_WORD = 100;
    /** The longest message shown whole. */
    static final int MAX_LINE = 480;

    private Echo() {
    }

    /** {@code text} as one line of at most about {@value #MAX_LINE} characters. */
    public static String line(String text) {
        String s = escape(text == null ? "null" : text);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LINE + 64));
        int i = 0;
        while (i < s.length()) {
            int j = i;
            boolean blank = s.charAt(i) == ' ';
            while (j < s.length() && (s.charAt(j) == ' ') == blank) {
                j++;
            }
            String run = s.substring(i, j);
            out.append(blank || run.length() <= MAX_WORD ? run : cut(run, MAX_WORD));
            i = j;
        }
        return out.length() <= MAX_LINE ? out.toString() : cut(out.toString(), MAX_LINE);
    }

    /** {@code value} (a single value, such as a path) escaped and cut to at most about {@value #MAX_WORD} characters. */
    public static String value(String value) {
        String s = escape(value);
        return s.length() <= MAX_WORD ? s : cut(s, MAX_WORD);
    }

    /** The start and the end of {@code s}, and how many characters were left out between them. */
    private static String cut(String s, int max) {
        int head = max * 2 / 3;
        int tail = max - head - 20;
        int left = s.length() - head - tail;
        return s.substring(0, head) + "...(" + left + " more characters)..." + s.substring(s.length() - tail);
    }

    /** Control characters as escapes ({@code \n}, {@code \t}, {@code \u0000}). */
    private static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isISOControl(c) && c != '\u2028' && c != '\u2029') {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
