package org.percuss.controller.cli;

import org.percuss.controller.text.Echo;
import org.percuss.device.os.RealTimePriority;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --realtime-priority N}: 0 (none) .. 99, Linux's {@code SCHED_FIFO} priorities. */
public final class PriorityConverter implements ITypeConverter<RealTimePriority> {

    /** The option's description, the same for every command that takes it. */
    static final String DESCRIPTION = "Run the control loop's thread (and a serial board's reader) at this real-time "
            + "priority, 1..99 (Linux SCHED_FIFO; needs root, CAP_SYS_NICE or an rtprio limit, else a warning and normal "
            + "priority). Default: 0, normal scheduling.";

    @Override
    public RealTimePriority convert(String value) {
        try {
            return new RealTimePriority(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number 0..99, got '" + Echo.value(value) + "'");
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
