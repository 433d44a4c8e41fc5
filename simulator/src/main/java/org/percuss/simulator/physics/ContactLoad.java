package org.percuss.simulator.physics;

/**
 * The load the body puts on the percussion mechanism when the user presses the gun against it
 * with a force F (newtons). The head moves on a crank of radius r; each stroke pushes into tissue
 * that resists with F and dissipates part of the work. Part of that loss is friction-like (the
 * same work per stroke at any speed: a constant torque) and part is damping (force proportional
 * to the head's speed, so work per stroke grows with speed):
 *
 * <pre>
 *   τ_load = F · r · (k₀ + k₁ · ω / ω_ref)
 * </pre>
 *
 * With r = 5 mm, k₀ = 0.2, k₁ = 0.6, ω_ref = 2200 rpm: pressing with the gun's own weight (10 N)
 * at 2200 rpm costs 1.3 A over the free-running current; 20 N at 2700 rpm about 3.2 A (sustained,
 * that derates), 30 N at 2200 rpm about 4 A (that trips). Dropping to the lowest level relieves
 * it, as it should. Pressing far harder than that stalls the motor at the driver's current limit.
 *
 * @param crankRadiusMetres r, half the stroke
 * @param constantLoss k₀
 * @param dampingLoss k₁
 * @param referenceRadPerSec ω_ref
 */
public record ContactLoad(double crankRadiusMetres, double constantLoss, double dampingLoss, double referenceRadPerSec) {

    /** The massage-gun values above. */
    public static final ContactLoad MASSAGE_GUN = new ContactLoad(0.005, 0.2, 0.6, DcMotor.radPerSec(2200));

    /** The load torque, N·m, at {@code pressureNewtons} and {@code speedRadPerSec} (≥ 0). */
    public double torque(double pressureNewtons, double speedRadPerSec) {
        if (pressureNewtons <= 0) {
            return 0;
        }
        return pressureNewtons * crankRadiusMetres * (constantLoss + dampingLoss * Math.abs(speedRadPerSec) / referenceRadPerSec);
    }
}
