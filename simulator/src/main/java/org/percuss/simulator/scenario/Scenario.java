package org.percuss.simulator.scenario;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.percuss.device.api.Capability;
import org.percuss.simulator.board.Transport;

/**
 * A scripted run for firmware testers: a gun, a session, timed steps (user actions and fault
 * injections), and what must hold (expectations at times, invariants always). Read from YAML
 * (docs/scenarios.md) by {@code percuss simulate}.
 *
 * @param name a title
 * @param description what it shows
 * @param seed the seed of every random source (sensor noise, packet loss)
 * @param gun the simulated gun and how it is held
 * @param session the session
 * @param runFor how long to simulate, whatever the session does
 * @param steps the timed actions, in file order
 * @param expectations what must hold
 * @param maxPpm the "never above" invariant's bound; 0 for the highest usable level
 * @param transport how the controller reaches the gun ({@code transport:}, default direct)
 * @param needs what the scenario's point depends on ({@code needs:}): on a transport without it,
 *        every expectation is reported as not applicable
 */
public record Scenario(String name, String description, long seed, GunSettings gun, SessionSettings session,
                       Duration runFor, List<Step> steps, List<Expectation> expectations, int maxPpm,
                       Transport transport, Set<Capability> needs) {

    public Scenario {
        steps = List.copyOf(steps);
        expectations = List.copyOf(expectations);
        needs = needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
    }

    /** The same scenario with another seed (the {@code --seed} option). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, gun, session, runFor, steps, expectations, maxPpm, transport,
                needs);
    }

    /** The same scenario on another gun (a campaign's sweep of a physics parameter or the pressure). */
    public Scenario withGun(GunSettings other) {
        return new Scenario(name, description, seed, other, session, runFor, steps, expectations, maxPpm, transport, needs);
    }

    /** The same scenario through another transport (the {@code --transport} option). */
    public Scenario withTransport(Transport other) {
        return new Scenario(name, description, seed, gun, session, runFor, steps, expectations, maxPpm, other, needs);
    }
}
