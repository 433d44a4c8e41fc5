package org.percuss.controller.safety;

import java.util.Arrays;
import java.util.List;
import org.percuss.controller.config.SafetyLimits;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combines the safety rules every tick: any trip latches its fault until {@link #clear} succeeds;
 * the lowest derate of the tick caps the speed. Also takes trips from outside the rules (the
 * emergency-stop command, a lost link). Evaluating allocates nothing in steady state: messages are
 * built only when a fault newly latches or a derate begins.
 */
public final class SafetySupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(SafetySupervisor.class);

    private static final Fault[] FAULTS = Fault.values();

    private final SafetyRule[] rules;
    private final Verdict[] previous;
    private int latched;
    /** Trips and {@link #trip} calls, an already latched fault tripping again included (see {@link #trips()}). */
    private long trips;
    private int derateLevel;
    private String firstTripReason = "";
    private Fault firstTripFault = Fault.INTERNAL;

    public SafetySupervisor(List<SafetyRule> rules) {
        this.rules = rules.toArray(SafetyRule[]::new);
        this.previous = new Verdict[this.rules.length];
        Arrays.fill(previous, Verdict.OK);
    }

    /**
     * Every rule of DESIGN.md with these limits: the emergency stop, faults the device reports, a
     * device that restarted, stale telemetry, over-current, stall, temperature, under-voltage, pressure, keep it moving.
     */
    public static SafetySupervisor standard(SafetyLimits limits) {
        return new SafetySupervisor(List.of(
                new EmergencyStopInputRule(),
                new DeviceFaultRule(),
                new DeviceRestartRule(),
                new StaleTelemetryRule(limits.staleTelemetryPeriods()),
                new OverCurrentRule(limits.current()),
                new StallRule(limits.stall()),
                new ThermalRule(limits.thermal()),
                new UnderVoltageRule(limits.supply()),
                new PressureRule(limits.current()),
                new KeepMovingRule(limits.dwell())));
    }

    /** Evaluates every rule against {@code telemetry}; afterwards read {@link #latched()} and {@link #derateLevel()}. */
    public void evaluate(Telemetry telemetry, long nowNanos, SafetyContext context) {
        derateLevel = 0;
        for (int i = 0; i < rules.length; i++) {
            Verdict v = rules[i].evaluate(telemetry, nowNanos, context);
            switch (v.kind()) {
                case TRIP -> {
                    if ((latched & v.faultMask()) != v.faultMask()) {
                        latchAll(rules[i], v, telemetry, context); // counted by trip()
                    } else if ((v.faultMask() & ~(telemetry.faults().bits() & Fault.WIRE_MASK)) != 0) {
                        // Tripping again on what is latched already: counted, unless it is a fault the
                        // device itself still reports, which a clear under way is asking it to drop (its
                        // reports say so until it has, and the clear checks a fresh one).
                        trips++;
                    }
                }
                case DERATE -> {
                    if (previous[i] != v) {
                        String message = "derating to level " + v.level() + ": " + rules[i].explain(v, telemetry);
                        LOG.warn(message);
                        context.event(message);
                    }
                    derateLevel = derateLevel == 0 ? v.level() : Math.min(derateLevel, v.level());
                }
                case OK -> {
                    if (previous[i].kind() == Verdict.Kind.DERATE) {
                        String message = "derating ended: " + rules[i].explain(v, telemetry);
                        LOG.info(message);
                        context.event(message);
                    }
                }
            }
            // A trip is remembered by the latch, not here: a rule that hovers at its trip limit
            // (79.9 °C, 80.0 °C, 79.9 °C) then goes on comparing derate with derate, and does not
            // announce the same derate again every time it dips under the limit.
            if (v.kind() != Verdict.Kind.TRIP) {
                previous[i] = v;
            }
        }
    }

    /** Latches every fault of {@code v} not yet latched, the one that explains the others first. */
    private void latchAll(SafetyRule rule, Verdict v, Telemetry telemetry, SafetyContext context) {
        String reason = rule.explain(v, telemetry);
        latchOne(v.fault(), reason, context);
        for (Fault f : FAULTS) {
            if ((v.faultMask() & f.mask()) != 0) {
                latchOne(f, reason, context);
            }
        }
    }

    private void latchOne(Fault fault, String reason, SafetyContext context) {
        if ((latched & fault.mask()) == 0) {
            trip(fault, reason);
            context.event("trip: " + fault.description() + ": " + reason);
        }
    }

    /**
     * The first trip condition some rule still sees in {@code telemetry}, as "rule: value and
     * limit", or {@code null} when none does: a clear must wait until it is gone.
     */
    public String tripConditionPresent(Telemetry telemetry, long nowNanos, SafetyContext context) {
        for (SafetyRule rule : rules) {
            String present = rule.tripConditionPresent(telemetry, nowNanos, context);
            if (present != null) {
                return present;
            }
        }
        return null;
    }

    /** Latches {@code fault} for {@code reason}; the motor must stop on this tick. */
    public void trip(Fault fault, String reason) {
        trips++;
        if (latched == 0) {
            firstTripReason = reason;
            firstTripFault = fault;
        }
        if ((latched & fault.mask()) == 0) {
            LOG.error("safety stop: {}: {}", fault.description(), reason);
        }
        latched |= fault.mask();
    }

    /**
     * How many times a rule has tripped or {@link #trip} was called, counting a fault that was
     * already latched tripping again, but not a rule's trip on faults the device itself still
     * reports (a clear under way is asking it to drop them). A clear under way is void if this
     * moved, even when the latch shows the same faults: a second brown-out while the first one's
     * clear is being answered.
     */
    public long trips() {
        return trips;
    }

    /** Clears the latch and resets every rule; the caller has cleared the device's own latch. */
    public void clear(long nowNanos) {
        LOG.info("faults cleared: {}", new FaultSet(latched).describe());
        latched = 0;
        firstTripReason = "";
        for (int i = 0; i < rules.length; i++) {
            rules[i].reset(nowNanos);
            previous[i] = Verdict.OK;
        }
    }

    public boolean hasLatched() {
        return latched != 0;
    }

    public boolean hasLatched(Fault fault) {
        return (latched & fault.mask()) != 0;
    }

    public FaultSet latched() {
        return new FaultSet(latched);
    }

    /** The latched faults as {@link FaultSet} bits, without allocating. */
    public int latchedBits() {
        return latched;
    }

    /** The first fault latched since the last clear (meaningful only while one is latched). */
    public Fault firstTripFault() {
        return firstTripFault;
    }

    /** The explanation of the first fault latched since the last clear, or empty. */
    public String firstTripReason() {
        return firstTripReason;
    }

    /** The highest level allowed this tick, or 0 when no rule derates. */
    public int derateLevel() {
        return derateLevel;
    }
}
