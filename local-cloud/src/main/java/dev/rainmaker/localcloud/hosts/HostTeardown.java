package dev.rainmaker.localcloud.hosts;

import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;

/** How a run's hosts go when it closes: all at once, the JVM's exit hook that would have done it taken back. */
public final class HostTeardown {

    private HostTeardown() {}

    /** Takes back {@code hook}; nothing to do when it is the hook running, or the JVM is exiting already. */
    public static void unhook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // this is the hook, or the JVM is exiting already: it runs or ran anyway
        }
    }

    /** Destroys every droplet's host, each on a thread of its own, and returns once all are gone. */
    public static void destroyAll(Collection<Long> dropletIds, LongConsumer destroy) {
        List<Thread> stopping = List.copyOf(dropletIds).stream()
                .map(id -> Thread.ofVirtual().start(() -> destroy.accept(id)))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
