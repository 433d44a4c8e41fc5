package org.percuss.controller.doctor;

/**
 * One thing {@link Doctor} looked at: what, whether it is fine, what it found, and when it is not,
 * the one command (or edit) that fixes it.
 *
 * @param name what was checked, a few words ("gpio chip", "INA219 at 0x40 on bus 1")
 * @param ok whether it is as the rig needs
 * @param found what was found, in words
 * @param fix the command that fixes it; empty when ok
 */
public record Check(String name, boolean ok, String found, String fix) {

    static Check ok(String name, String found) {
        return new Check(name, true, found, "");
    }

    static Check problem(String name, String found, String fix) {
        return new Check(name, false, found, fix);
    }

    /** The check as a line: {@code ok       gpio chip: /dev/gpiochip0} or {@code problem  ...; fix: ...}. */
    @Override
    public String toString() {
        return (ok ? "ok       " : "problem  ") + name + ": " + found + (ok ? "" : "; fix: " + fix);
    }
}
