package org.percuss.simulator.scenario;

import java.time.Duration;
import java.util.Locale;
import org.percuss.device.api.Input;
import org.percuss.simulator.fault.InjectedFault;

/** What a scenario step does: to the controller, to the user's hands, or to the gun. */
public sealed interface Action {

    /** A one-line description for the run's event log: {@code inject thermal-runaway for 2m}. */
    String describe();

    /** What the controller is asked to do, as a user would ask it. */
    enum Command {
        /** Start, or resume: from the lowest level with a fresh warm-up. */
        START,
        /** Pause: stop the motor. */
        PAUSE,
        /** Clear latched faults. */
        CLEAR_FAULTS,
        /** The emergency stop, from the command line or a signal. */
        EMERGENCY_STOP
    }

    /** Asks the controller something. */
    record Controller(Command command) implements Action {
        @Override
        public String describe() {
            return command.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Selects a level, as the command line would. */
    record SelectLevel(int level) implements Action {
        @Override
        public String describe() {
            return "level " + level;
        }
    }

    /** Presses a button on the gun (held for 100 ms). */
    record Press(Input button) implements Action {
        @Override
        public String describe() {
            return "press " + button.name().toLowerCase(Locale.ROOT).replace("_button", "");
        }
    }

    /** The user presses the gun against the body this hard, newtons. */
    record SetPressure(double newtons) implements Action {
        @Override
        public String describe() {
            return "pressure " + newtons + " N";
        }
    }

    /** The user moves the gun across the body, or holds it still. */
    record SetMoving(boolean moving) implements Action {
        @Override
        public String describe() {
            return moving ? "move" : "hold still";
        }
    }

    /** Injects a fault, for a duration or (zero) until cleared. */
    record Inject(InjectedFault fault, Duration duration) implements Action {
        @Override
        public String describe() {
            return "inject " + fault.key() + (duration.isZero() ? "" : " for " + duration.toMillis() / 1000.0 + " s");
        }
    }

    /** Ends an injected fault. */
    record Clear(InjectedFault fault) implements Action {
        @Override
        public String describe() {
            return "clear " + fault.key();
        }
    }
}
