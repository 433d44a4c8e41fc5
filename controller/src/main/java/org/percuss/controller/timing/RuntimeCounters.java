package org.percuss.controller.timing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's own counters at one moment, to subtract: garbage-collection pauses and their
 * accumulated time (each collector's {@link GarbageCollectorMXBean}: G1's young and old
 * generations and its "G1 Concurrent GC", which since JDK 20 counts the Remark and Cleanup pauses
 * of a concurrent cycle; ZGC's and Shenandoah's "... Pauses"), apart from the concurrent cycles
 * of ZGC and Shenandoah ("... Cycles"), which run beside the application; the process's CPU
 * time; and the CPU time and bytes allocated of the calling thread.
 *
 * @param pauses collections, or phases of one, that stop the application
 * @param pauseMillis their accumulated time
 * @param concurrent concurrent cycles (ZGC's, Shenandoah's), which do not stop it
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
            if (gc.getName().endsWith("Cycles")) {
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
