package org.percuss.simulator.rig;

import java.time.Duration;
import org.percuss.device.api.Input;
import org.percuss.device.gpio.GpioDevice;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.Hardware;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.Sensors;

/**
 * A Raspberry Pi rig that is not there, closed around the simulator's physics: the real
 * {@link GpioDevice} on a {@link VirtualPi}'s mock pins drives the {@link GunPlant} through its PWM
 * and enable line, and the plant answers with tachometer pulses, all on one virtual clock. What
 * {@code simulate --transport gpio} runs and the rig's tests use.
 *
 * <p>Every {@link #PHYSICS_STEP} the plant steps with the driver's duty (0 while the enable line is
 * low); the tachometer, through the {@link Sensors} (so a lost or noisy tachometer is injectable),
 * turns {@code p} pulses per revolution:
 *
 * <pre>
 *   pulses += rpm / 60 · p · dt,   one pulse per whole step of the count, at the instant it crosses
 * </pre>
 *
 * with the crossing instant interpolated inside the step, so the device's tachometer sees edges at
 * their true times. The rig has no current, temperature, voltage or motion sensing; its inputs are
 * the e-stop and the buttons.
 */
public final class SimulatedRig implements Hardware {

    /** The physics step, as the simulated board's. */
    public static final Duration PHYSICS_STEP = Duration.ofMillis(1);
    private static final double DT = PHYSICS_STEP.toNanos() / 1e9;

    private final VirtualClock clock;
    private final GunPlant plant;
    private final Sensors sensors;
    private final VirtualPi pi;
    private double pulses;

    /** The rig {@code rig} driving {@code plant}, powered up now on {@code clock}. */
    public SimulatedRig(VirtualClock clock, GpioRig rig, GunPlant plant, Sensors sensors) {
        this.clock = clock;
        this.plant = plant;
        this.sensors = sensors;
        this.pi = new VirtualPi(rig, clock);
        clock.scheduleAtFixedRate(PHYSICS_STEP, PHYSICS_STEP, this::step);
    }

    /**
     * A rig for the simulated gun's motor: the default wiring, with the speed at full duty this
     * motor reaches on the pack's present voltage with no load (the regulator's feedforward scale;
     * friction and load make up the difference through its integral).
     */
    public static GpioRig rigFor(GunPlant plant) {
        GpioRig d = GpioRig.DEFAULT;
        int fullDuty = (int) Math.round(plant.parameters().motor().freeSpeedRpm(plant.supplyVolts()));
        return new GpioRig(d.pwmChannel(), d.pwmFrequencyHz(), d.tachPin(), d.tachPulsesPerRevolution(),
                Math.max(fullDuty, d.maxPpm()), d.minPpm(), d.maxPpm(), d.enablePin(), d.heartbeatPin(),
                d.emergencyStopPin(), d.emergencyStopActiveHigh(), d.powerButtonPin(), d.plusButtonPin(),
                d.minusButtonPin(), d.watchdogMillis(), d.samplePeriodMillis());
    }

    private void step() {
        double duty = pi.enabled() ? pi.duty() : 0;
        plant.step(DT, duty);
        double rate = sensors.tachometerRpm(plant) / 60.0 * pi.rig().tachPulsesPerRevolution();
        double before = pulses;
        pulses += rate * DT;
        double next = Math.floor(before) + 1;
        while (next <= pulses) {
            long at = (long) ((next - before) / rate * 1e9); // into this step
            clock.schedule(Duration.ofNanos(Math.max(0, at)), pi::tachPulse);
            next++;
        }
        if (pulses > 1e9) {
            pulses -= Math.floor(pulses);
        }
    }

    /** The rig as the controller drives it. */
    public GpioDevice device() {
        return pi.device();
    }

    /** Its pins, as the world outside sees them. */
    public VirtualPi pi() {
        return pi;
    }

    @Override
    public GunPlant plant() {
        return plant;
    }

    @Override
    public Sensors sensors() {
        return sensors;
    }

    /** The e-stop and the buttons act on the pins; the rig has no motion sensor, so moving is ignored. */
    @Override
    public void setInput(Input input, boolean active) {
        switch (input) {
            case EMERGENCY_STOP -> pi.pressEmergencyStop(active);
            case POWER_BUTTON, PLUS_BUTTON, MINUS_BUTTON -> pi.press(input, active);
            case MOTION -> {
                // no motion sensor on the rig
            }
        }
    }

    /** The rig's controller is the Pi itself, which a brown-out would take down with the host. */
    @Override
    public void reset(Duration resetTime) {
        throw new UnsupportedOperationException("a rig has no board to reset: the Pi is the host");
    }
}
