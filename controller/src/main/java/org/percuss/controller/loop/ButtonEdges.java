package org.percuss.controller.loop;

import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;

/**
 * Turns the button bits of successive telemetry into presses: a press is a button seen held now
 * and not held on the previous tick, so holding a button does not repeat it.
 */
final class ButtonEdges {

    private static final int BUTTONS = Input.POWER_BUTTON.mask() | Input.PLUS_BUTTON.mask() | Input.MINUS_BUTTON.mask();

    private int previous;

    /** The buttons newly pressed since the last call, as {@link Input} bits. */
    int pressed(Inputs inputs) {
        int held = inputs.bits() & BUTTONS;
        int pressed = held & ~previous;
        previous = held;
        return pressed;
    }
}
