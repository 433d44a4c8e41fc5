package org.percuss.simulator.fault;

import java.time.Duration;

/**
 * What a link between host and board can suffer: cut, corrupted, slow. Implemented by the
 * in-process simulated link and by the byte-stream one, so scenarios inject link faults the same
 * way on both.
 */
public interface LinkImpairment {

    /** No link to impair (a Raspberry Pi rig drives the motor itself): every impairment does nothing. */
    LinkImpairment NONE = new LinkImpairment() {
        @Override
        public void setDropped(boolean dropped) {
        }

        @Override
        public void setLossProbability(double probability) {
        }

        @Override
        public void setDelay(Duration delay) {
        }
    };

    /** Cut ({@code true}) or restore the link: nothing gets through either way while cut. */
    void setDropped(boolean dropped);

    /** Lose each packet, either way, with this probability (0 restores the link). */
    void setLossProbability(double probability);

    /** Deliver everything this much later (zero restores the link). */
    void setDelay(Duration delay);
}
