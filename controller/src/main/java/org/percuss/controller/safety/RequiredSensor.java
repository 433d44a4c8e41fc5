package org.percuss.controller.safety;

import org.percuss.device.api.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensor a rule cannot act without: whether the device has it, and, the first time it does
 * not, saying so in the log and to the user, so that nobody assumes a protection that is off.
 * One per rule instance; allocates nothing after the first call.
 */
final class RequiredSensor {

    private static final Logger LOG = LoggerFactory.getLogger(RequiredSensor.class);

    private final Capability capability;
    private final String off;
    private final String warning;
    private boolean saidOff;

    /**
     * @param capability the sensor
     * @param off what is off, for the log: {@code "the temperature rule is off: ..."}
     * @param advice what the user should do instead, appended to the warning; empty for none
     */
    RequiredSensor(Capability capability, String off, String advice) {
        this.capability = capability;
        this.off = off;
        this.warning = advice.isEmpty() ? off : off + "; " + advice;
    }

    /** Whether the device has the sensor; says once that the rule is off when it has not. */
    boolean presentIn(SafetyContext context) {
        if (context.has(capability)) {
            return true;
        }
        if (!saidOff) {
            saidOff = true;
            LOG.info(off);
            context.warn(warning);
        }
        return false;
    }
}
