package org.percuss.device.api;

/**
 * The state of the device's digital inputs at one moment, as the protocol's {@code inputs} byte.
 *
 * @param bits one bit per {@link Input}, at {@link Input#bit()}
 */
public record Inputs(int bits) {

    /** No input active. */
    public static final Inputs NONE = new Inputs(0);

    public Inputs {
        bits &= 0xFF;
    }

    public boolean isActive(Input input) {
        return (bits & input.mask()) != 0;
    }

    /** These inputs with {@code input} set to {@code active}. */
    public Inputs with(Input input, boolean active) {
        return new Inputs(active ? bits | input.mask() : bits & ~input.mask());
    }
}
