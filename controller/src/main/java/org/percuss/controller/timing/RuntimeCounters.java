package org.percuss.controller.timing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's own counters at one moment, to subtract: garbage collections and their accumulated
 * time (each collector's {@link GarbageCollectorMXBean}; G1's young and mixed collections are
 * stop-the-world pauses, its "G1 Concurrent GC" cycles run beside the application and are counted
 * apart), the process's CPU time, and the CPU time and bytes allocated of the calling thread.
 *
 * @param pauses collections that stop the application
 * @param pauseMillis their accumulated time
 * @param concurrent concurrent cycles (G1's, ZGC's), which do not stop it
 * @param processCpuNanos CPU time of the whole process, or -1 when the JVM does not say
 * @param threadCpuNanos CPU time of the calling thread
 * @param threadAllocatedBytes bytes the calling thread allocated, or -1 when the JVM does not say
 */
public record RuntimeCounters(long pauses, long pauseMillis, long concurrent, long processCpuNanos,
                              long threadCpuNanos, long threadAllocatedBytes) {

    /** The counters now, the thread's for the calling thread. */
    public static RuntimeCounters now() {
        long pauses = 0;
        long millis = 0;
        long concurrent = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long count = Math.max(0, gc.getCollectionCount());
            if (gc.getName().contains("Concurrent") || gc.getName().startsWith("ZGC")) {
                concurrent += count;
            } else {
                pauses += count;
                millis += Math.max(0, gc.getCollectionTime());
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long allocated = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() ? t.getCurrentThreadAllocatedBytes() : -1;
        return new RuntimeCounters(pauses, millis, concurrent, process, thread, allocated);
    }

    /** What changed from {@code before} to this. */
    public RuntimeCounters since(RuntimeCounters before) {
        return new RuntimeCounters(pauses - before.pauses, pauseMillis - before.pauseMillis, concurrent - before.concurrent,
                processCpuNanos < 0 || before.processCpuNanos < 0 ? -1 : processCpuNanos - before.processCpuNanos,
                threadCpuNanos - before.threadCpuNanos,
                threadAllocatedBytes < 0 || before.threadAllocatedBytes < 0 ? -1
                        : threadAllocatedBytes - before.threadAllocatedBytes);
    }
}
