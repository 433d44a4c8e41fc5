package org.percuss.controller.live;

import java.io.IOException;
import java.io.OutputStream;

/** Draws the plot of a whole session, as a PNG: the web page offers it for download at the end. */
@FunctionalInterface
public interface SessionPlot {

    /** Writes the PNG of the session {@code history} holds to {@code png} (which stays open). */
    void write(OutputStream png, SampleHistory history) throws IOException;
}
