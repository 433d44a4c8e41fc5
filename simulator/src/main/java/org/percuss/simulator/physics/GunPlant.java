package org.percuss.simulator.physics;

/**
 * The physical gun the board drives: the motor turning the percussion mechanism against the
 * contact load, fed by the battery through the driver, heating the winding. One step takes the
 * driver's PWM duty and advances everything by {@code dt}:
 *
 * <pre>
 *   V_motor = duty · V_battery               (the driver, a synchronous half-bridge)
 *   I_battery = duty · I_motor + I_quiescent (power in = power out, losses in R)
 *   P_heat = I_motor² · R + P_electronics
 * </pre>
 *
 * The battery voltage of the previous step feeds this one (a 1 ms lag instead of an algebraic
 * loop). A blocked rotor (injected stall) is a load no drive can turn. One percussion per
 * revolution: ppm = rpm.
 */
public final class GunPlant {

    /** What the board's electronics draw whatever the motor does, amperes. */
    public static final double QUIESCENT_AMPS = 0.05;
    /** Heat from the driver and electronics besides I²R, watts. */
    public static final double ELECTRONICS_WATTS = 0.3;
    /** A torque no motor here can overcome: a rotor blocked by a jammed mechanism. */
    private static final double BLOCKED_TORQUE = 1e3;

    private final PhysicsParameters parameters;
    private final DcMotor motor;
    private final Battery battery;
    private final ThermalModel thermal;
    private double pressureNewtons;
    private boolean blocked;
    private double extraCurrentAmps;
    private double supplyVolts;

    public GunPlant(PhysicsParameters parameters) {
        this.parameters = parameters;
        this.motor = new DcMotor(parameters.motor());
        this.battery = new Battery(Battery.CAPACITY_AH, parameters.batteryInternalOhms(), parameters.stateOfCharge());
        this.thermal = new ThermalModel(parameters.ambientCelsius());
        this.supplyVolts = battery.openCircuitVolts();
    }

    /** Advances the gun by {@code dt} seconds with the driver at {@code duty} (0..1). */
    public void step(double dt, double duty) {
        double load = blocked ? BLOCKED_TORQUE : parameters.contact().torque(pressureNewtons, motor.speedRadPerSec());
        motor.step(dt, duty * supplyVolts, load);
        // An injected over-current (a shorted turn, a failing driver) draws current that does no work.
        double motorCurrent = motor.currentAmps() + (duty > 0 ? extraCurrentAmps : 0);
        battery.step(dt, duty * motorCurrent + QUIESCENT_AMPS);
        supplyVolts = battery.terminalVolts();
        double heat = motorCurrent * motorCurrent * parameters.motor().resistanceOhms() + ELECTRONICS_WATTS;
        thermal.step(dt, heat);
    }

    /** The speed, rpm (= ppm). */
    public double speedRpm() {
        return motor.speedRpm();
    }

    public double speedRadPerSec() {
        return motor.speedRadPerSec();
    }

    /** The magnitude of the winding current, as the board's shunt measures it, amperes. */
    public double currentAmps() {
        double i = motor.currentAmps();
        return Math.abs(i) + (i > 0 || blocked ? extraCurrentAmps : 0);
    }

    public double temperatureCelsius() {
        return thermal.temperatureCelsius();
    }

    public double supplyVolts() {
        return supplyVolts;
    }

    public double stateOfCharge() {
        return battery.stateOfCharge();
    }

    /** How hard the user presses the gun against the body, newtons. */
    public void setPressure(double newtons) {
        if (newtons < 0 || !Double.isFinite(newtons)) {
            throw new IllegalArgumentException("pressure must be a finite, non-negative force, got " + newtons);
        }
        pressureNewtons = newtons;
    }

    public double pressureNewtons() {
        return pressureNewtons;
    }

    /** The mechanism jams (or frees): an injected stall. */
    public void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    /** Current drawn beyond what the motor's work needs (an injected over-current), amperes. */
    public void setExtraCurrentAmps(double amps) {
        extraCurrentAmps = amps;
    }

    /** The cooling is lost (thermal runaway) or restored. */
    public void setCoolingLost(boolean lost) {
        thermal.setCoolingLost(lost);
    }

    /** The room's temperature changes (the gun is carried somewhere warmer or cooler), °C. */
    public void setAmbientCelsius(double celsius) {
        thermal.setAmbientCelsius(celsius);
    }

    /** A sagging battery: its internal resistance multiplied by {@code factor} (1 restores it). */
    public void setBatterySag(double factor) {
        battery.setInternalOhms(parameters.batteryInternalOhms() * factor);
    }

    public PhysicsParameters parameters() {
        return parameters;
    }
}
