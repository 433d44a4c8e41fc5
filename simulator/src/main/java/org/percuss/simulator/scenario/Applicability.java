package org.percuss.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Fault;
import org.percuss.simulator.fault.InjectedFault;

/**
 * Which of a scenario's expectations a transport can judge, and why not the others: the
 * Raspberry Pi rig senses no current, so "current above 3 A" or "derated for pressing too hard"
 * cannot be checked through it, and a rig has no link to cut. Such an expectation is reported as
 * "n/a on gpio: no current sense" and counted apart, never passed silently.
 *
 * <p>An expectation does not apply when (the first reason found is given):
 * <ol>
 *   <li>the scenario {@code needs:} a sensor the transport lacks (its point depends on it in ways a
 *       condition does not show, such as a derate);</li>
 *   <li>one of its conditions reads a quantity, or a fault, that only a missing sensor can give
 *       (current, temperature, supply voltage; over-current, over-temperature, under-voltage);</li>
 *   <li>it can fall at or after a step that injects what the transport cannot suffer (a link
 *       fault without a link, a brown-out without a board): what follows is not the scenario.</li>
 * </ol>
 */
public final class Applicability {

    private static final Map<Measure, Capability> MEASURES = Map.of(Measure.CURRENT_A, Capability.CURRENT_SENSE,
            Measure.TEMPERATURE_C, Capability.TEMPERATURE, Measure.SUPPLY_V, Capability.SUPPLY_VOLTAGE);
    private static final Map<Fault, Capability> FAULTS = Map.of(Fault.OVER_CURRENT, Capability.CURRENT_SENSE,
            Fault.OVER_TEMPERATURE, Capability.TEMPERATURE, Fault.UNDER_VOLTAGE, Capability.SUPPLY_VOLTAGE);

    private Applicability() {
    }

    /**
     * For each expectation of {@code s}, in order, null when {@code transport} can judge it, else why not.
     *
     * @param transport the transport's name, for the message ({@code gpio})
     * @param senses what the transport's device senses
     * @param cannotInject what it cannot suffer, and why ({@code no link})
     */
    public static List<String> reasons(Scenario s, String transport, Set<Capability> senses,
                                       Map<InjectedFault, String> cannotInject) {
        String prefix = "n/a on " + transport + ": ";
        String scenarioWide = null;
        for (Capability c : s.needs()) {
            if (!senses.contains(c)) {
                scenarioWide = prefix + "the scenario needs " + key(c) + ", which " + transport + " does not have";
                break;
            }
        }
        List<String> reasons = new ArrayList<>();
        for (Expectation x : s.expectations()) {
            String why = scenarioWide;
            if (why == null) {
                why = missingSensor(x, senses, prefix);
            }
            if (why == null) {
                why = afterImpossibleStep(x, s.steps(), cannotInject, prefix);
            }
            reasons.add(why);
        }
        return reasons;
    }

    private static String missingSensor(Expectation x, Set<Capability> senses, String prefix) {
        for (Condition c : x.conditions()) {
            Capability needed = switch (c) {
                case Condition.Quantity q -> MEASURES.get(q.measure());
                case Condition.FaultIs f -> FAULTS.get(f.fault());
                default -> null;
            };
            if (needed != null && !senses.contains(needed)) {
                return prefix + "no " + key(needed).replace('_', ' ');
            }
        }
        return null;
    }

    private static String afterImpossibleStep(Expectation x, List<Step> steps, Map<InjectedFault, String> cannotInject,
                                              String prefix) {
        for (Step step : steps) {
            if (!(step.action() instanceof Action.Inject inject) || !cannotInject.containsKey(inject.fault())) {
                continue;
            }
            boolean after = switch (x.timing()) {
                case Timing.At at -> at.time().compareTo(step.at()) >= 0;
                case Timing.Within w -> w.anchor().equals(step.name()) && !step.name().isEmpty()
                        || w.from().plus(w.window()).compareTo(step.at()) >= 0;
                case Timing.AtEnd end -> true;
            };
            if (after) {
                return prefix + "cannot inject " + inject.fault().key() + " (" + cannotInject.get(inject.fault()) + ")";
            }
        }
        return null;
    }

    /** A capability as scenario files write it: {@code current_sense}. */
    public static String key(Capability c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
