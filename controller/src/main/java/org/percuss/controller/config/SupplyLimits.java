package org.percuss.controller.config;

/**
 * DESIGN.md rule 8: an under-voltage supply trips (UNDER_VOLTAGE), protecting the battery and the
 * driver.
 *
 * @param tripVolts supply voltage below which the motor trips
 */
public record SupplyLimits(double tripVolts) {

    /** 12.8 V: 3.2 V per cell of a 4-cell Li-ion pack. */
    public static final SupplyLimits DEFAULT = new SupplyLimits(12.8);
}
