package org.percuss.controller.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.percuss.device.api.Capability;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;

/** A scripted {@link SafetyContext}: the default levels 1200..3200, every sensor unless told. */
final class TestContext implements SafetyContext {

    private static final int[] PPM = {1200, 1700, 2200, 2700, 3200};

    int commandedPpm = 2200;
    boolean motorOn = true;
    String deviceFaultDetail = "";
    Set<Capability> capabilities = EnumSet.allOf(Capability.class);
    final List<String> warnings = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    static final long MS = 1_000_000L;

    /** Telemetry received at {@code ms}, with these values, moving. */
    static Telemetry telemetry(long ms, int measuredPpm, double amps, double celsius, double volts) {
        return new Telemetry(ms * MS, measuredPpm, amps, celsius, volts, Inputs.NONE.with(Input.MOTION, true),
                FaultSet.NONE, ms);
    }

    @Override public int commandedPpm() { return commandedPpm; }
    @Override public boolean motorOn() { return motorOn; }
    @Override public int firstLevel() { return 1; }
    @Override public int lastLevel() { return 5; }
    @Override public int ppmOf(int level) { return PPM[level - 1]; }
    @Override public boolean has(Capability capability) { return capabilities.contains(capability); }
    @Override public String deviceFaultDetail() { return deviceFaultDetail; }
    @Override public long telemetryPeriodNanos() { return 20 * MS; }
    @Override public void warn(String message) { warnings.add(message); }
    @Override public void event(String message) { events.add(message); }
}
