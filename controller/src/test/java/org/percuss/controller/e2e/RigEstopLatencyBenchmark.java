package org.percuss.controller.e2e;

import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.percuss.controller.timing.LatencySummary;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Fault;
import org.percuss.device.gpio.GpioDevice;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.VirtualPi;
import org.percuss.device.time.Scheduler;
import org.percuss.device.time.Ticker;

/**
 * Measures the emergency stop on the Raspberry Pi rig, on Pi4J's mock pins ({@link VirtualPi},
 * the default wiring: a motor driver's PWM and enable line, sampled every 20 ms on the wall clock's
 * scheduler): with the motor commanded to run (fed every 5 ms, as a loop would), the e-stop input
 * pin is raised at a random moment 20–70 ms later, and the benchmark times on the ticker (a) from
 * raising the pin to the PWM duty at 0 and the enable line low, which the rig does in the pin's
 * listener (on mock pins the listener runs on the caller's thread, so this is the rig's own work,
 * not Pi4J's event thread's wake-up on a real Pi), and (b) from raising the pin to the first report
 * the control loop can read with the emergency stop in it (the next sample: up to 20 ms; the
 * loop's zero command follows within its tick). Then the pin is released and the fault cleared.
 * Not a test: {@code ./mvnw -B -ntp -q -Pbench -DskipTests
 * -Dbench.main=org.percuss.controller.e2e.RigEstopLatencyBenchmark "-Dbench.args=100" verify}.
 */
public final class RigEstopLatencyBenchmark {

    private static final long FEED_NANOS = 5_000_000L;

    private RigEstopLatencyBenchmark() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Ticker ticker = Ticker.system();
        Random random = new Random(16);
        long[] toOutputs = new long[trials];
        long[] toReport = new long[trials];
        GpioRig rig = GpioRig.DEFAULT;
        try (VirtualPi pi = new VirtualPi(rig, Scheduler.system())) {
            GpioDevice device = pi.device();
            int ppm = rig.minPpm();
            for (int i = -10; i < trials; i++) { // ten trials first, for the JIT, not counted
                device.commandSpeed(ppm);
                if (pi.duty() <= 0 || !pi.enabled()) {
                    throw new IllegalStateException("trial " + (i + 1) + ": the motor did not start: duty " + pi.duty()
                            + ", enabled " + pi.enabled() + ", faults " + device.telemetry().faults().describe());
                }
                long pressAt = ticker.nanos() + 20_000_000L + (long) (random.nextDouble() * 50_000_000L);
                while (ticker.nanos() < pressAt) {
                    device.commandSpeed(ppm);
                    LockSupport.parkNanos(Math.min(FEED_NANOS, Math.max(1, pressAt - ticker.nanos())));
                }
                long pressed = ticker.nanos();
                pi.pressEmergencyStop(true);
                long cut = ticker.nanos();
                if (pi.duty() != 0 || pi.enabled()) {
                    throw new IllegalStateException("trial " + (i + 1) + ": the e-stop did not cut the outputs");
                }
                long reported;
                while (!device.telemetry().faults().contains(Fault.EMERGENCY_STOP)) {
                    Thread.onSpinWait();
                    if (ticker.nanos() - pressed > 1_000_000_000L) {
                        throw new IllegalStateException("trial " + (i + 1) + ": no report of the e-stop within 1 s");
                    }
                }
                reported = ticker.nanos();
                if (i >= 0) {
                    toOutputs[i] = cut - pressed;
                    toReport[i] = reported - pressed;
                    System.out.printf("trial %3d: pin -> outputs cut %8.3f ms, pin -> report %7.3f ms%n", i + 1,
                            toOutputs[i] / 1e6, toReport[i] / 1e6);
                }
                pi.pressEmergencyStop(false);
                clear(device, ticker, i + 1);
            }
        }
        System.out.println();
        System.out.printf("e-stop on the Pi rig's mock pins, %d trials, sampled every %d ms%n", trials,
                rig.samplePeriodMillis());
        System.out.println("e-stop pin raised -> PWM duty 0 and enable low: " + LatencySummary.of(toOutputs, trials).line());
        System.out.println("e-stop pin raised -> report with the e-stop:    " + LatencySummary.of(toReport, trials).line());
    }

    /** Clears the latched e-stop once the next sample has seen the pin released (asked again while refused). */
    private static void clear(GpioDevice device, Ticker ticker, int trial) {
        long start = ticker.nanos();
        while (ticker.nanos() - start < 2_000_000_000L) {
            device.requestClearFaults();
            long asked = ticker.nanos();
            while (device.clearStatus() == ClearStatus.PENDING && ticker.nanos() - asked < 500_000_000L) {
                LockSupport.parkNanos(1_000_000L);
            }
            if (device.clearStatus() == ClearStatus.CLEARED && device.telemetry().faults().bits() == 0) {
                return;
            }
            LockSupport.parkNanos(25_000_000L);
        }
        throw new IllegalStateException("trial " + trial + ": the e-stop would not clear: "
                + device.telemetry().faults().describe());
    }
}
