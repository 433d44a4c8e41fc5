package org.percuss.controller.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.text.Echo;

/**
 * {@code --sweep KEY=v1,v2,...}: one parameter and the values a campaign runs it at.
 *
 * @param key what varies
 * @param values its values, in the order given, each written in its shortest form ({@code 20}, not {@code 20.0})
 */
public record Sweep(SweepKey key, List<String> values) {

    public Sweep {
        values = List.copyOf(values);
    }

    /**
     * Reads {@code KEY=v1,v2,...}.
     *
     * @throws CampaignProblem naming {@code --sweep}, the text and what is wrong: an unknown key,
     *         a value that is not a number or is out of the key's range, a value given twice
     */
    public static Sweep parse(String text) throws CampaignProblem {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw problem(text, "give KEY=v1,v2,... with KEY one of " + SweepKey.known());
        }
        String name = text.substring(0, eq).strip();
        SweepKey key = SweepKey.of(name);
        if (key == null) {
            throw problem(text, "unknown key '" + Echo.value(name) + "' (" + SweepKey.known() + ")");
        }
        List<String> values = new ArrayList<>();
        for (String v : text.substring(eq + 1).split(",", -1)) {
            String t = v.strip();
            if (!t.matches("[+-]?([0-9]{1,12}(\\.[0-9]{0,12})?|\\.[0-9]{1,12})")) {
                throw problem(text, "'" + Echo.value(t) + "' is not a number (digits 0-9, a point)");
            }
            BigDecimal d = new BigDecimal(t);
            double x = d.doubleValue();
            if (x < key.min() || x > key.max()) {
                throw problem(text, key.key() + " must be " + plain(key.min()) + ".." + plain(key.max())
                        + (key.unit().isEmpty() ? "" : " " + key.unit()) + ", got " + t);
            }
            String canonical = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            if (values.contains(canonical)) {
                throw problem(text, canonical + " is given twice");
            }
            values.add(canonical);
        }
        return new Sweep(key, values);
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static CampaignProblem problem(String text, String what) {
        return new CampaignProblem("--sweep " + Echo.value(text) + ": " + what);
    }

    /** {@code pressure_n=10,20,30}, as the option takes it. */
    @Override
    public String toString() {
        return key.key() + "=" + String.join(",", values);
    }
}
