package org.percuss.device.protocol;

/** Why a board refused a command: the {@code reason} byte of NACK (PROTOCOL.md). */
public enum NackReason {
    /** A packet type the board does not know. */
    UNKNOWN_TYPE(1, "unknown packet type"),
    /** A known type with the wrong payload length. */
    BAD_LENGTH(2, "bad payload length"),
    /** A value outside the allowed range (a speed outside [min_ppm, max_ppm], a telemetry period outside 10..1000 ms). */
    OUT_OF_RANGE(3, "value out of range"),
    /** A non-zero speed, or a clear, while a fault is (still) present. */
    FAULT_ACTIVE(4, "a fault is active"),
    /** The board does not speak the host's protocol version. */
    UNSUPPORTED_VERSION(5, "unsupported protocol version"),
    /** A reason byte this version does not know. */
    UNKNOWN(0, "unknown reason");

    private final int code;
    private final String description;

    NackReason(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The reason with this byte; {@link #UNKNOWN} for any other. */
    public static NackReason ofCode(int code) {
        for (NackReason r : values()) {
            if (r.code == code && r != UNKNOWN) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
