package org.percuss.device.gpio;

/**
 * A sensor gave no usable reading this time: it did not answer, answered what it cannot mean, or
 * has been stuck on one value too long. The message says which, in words ("no answer"); the
 * sensor's name is added by whoever reports it.
 */
final class SensorProblem extends Exception {

    SensorProblem(String message) {
        super(message, null, false, false);
    }
}
