package org.percuss.controller.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh pseudo-terminal cable for each test ({@code @RegisterExtension}) and, once the test plugs
 * it in, the emulated board on its far end; after the test the board is powered off and the cable
 * closed.
 */
final class PtyCable implements BeforeEachCallback, AfterEachCallback {

    private PtyPair pty;
    private EmulatedBoard board;

    @Override
    public void beforeEach(ExtensionContext context) {
        pty = PtyPair.open();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (board != null) {
                board.close();
                board = null;
            }
        } finally {
            pty.close();
        }
    }

    /** This test's cable. */
    PtyPair pty() {
        return pty;
    }

    /** The board {@link #plugBoard()} powered up. */
    EmulatedBoard board() {
        return board;
    }

    /** Powers up an emulated board on the cable's far end. */
    EmulatedBoard plugBoard() {
        board = new EmulatedBoard(pty.board());
        return board;
    }
}
