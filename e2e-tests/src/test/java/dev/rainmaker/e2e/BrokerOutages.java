package dev.rainmaker.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntSupplier;

import dev.rainmaker.localcloud.kafka.KafkaCluster;

/**
 * Two brokers of a three-broker cluster lost in turn, mid-burst: once the first customer is ready, the active
 * controller is killed with SIGKILL, kept down for {@link #DOWN} and started again on its data; once every partition is
 * back in sync, the next active controller the same way. Runs beside the burst, on a thread of its own.
 */
final class BrokerOutages {

    /**
     * Longer than a broker's session with the controllers (9 s): the dead broker is fenced and its partitions' leaders
     * move, as they would for a machine that does not come back soon.
     */
    static final Duration DOWN = Duration.ofSeconds(15);

    /**
     * A budget, not a goal (the run prints how long it took: 43-72 s on a quiet machine): on CI's two cores, loaded
     * with the burst, two minutes were once not enough, and the run failed for it.
     */
    private static final Duration IN_SYNC = Duration.ofMinutes(5);

    /**
     * One broker's loss: which node, when (ready customers then), and how long from its restart until it was a broker
     * of the cluster again with every partition's replicas in sync.
     */
    record Outage(int node, int readyAtKill, Duration backInSync) {}

    private BrokerOutages() {}

    /** Starts the two outages once {@code ready} counts a customer; completes with them, or with what went wrong. */
    static CompletableFuture<List<Outage>> midBurst(
            KafkaCluster cluster, IntSupplier ready, Duration firstReadyWithin) {
        CompletableFuture<List<Outage>> outages = new CompletableFuture<>();
        Thread.ofPlatform().name("broker-outages").daemon().start(() -> {
            try {
                awaitFirstReady(ready, firstReadyWithin);
                List<Outage> done = new ArrayList<>();
                done.add(loseAndRecover(cluster, ready.getAsInt()));
                done.add(loseAndRecover(cluster, ready.getAsInt()));
                outages.complete(List.copyOf(done));
            } catch (Throwable e) {
                System.out.println("broker loss: the outages did not run as planned: " + e);
                outages.completeExceptionally(e);
            }
        });
        return outages;
    }

    /** The outages, once both are over; what went wrong in them, thrown here. */
    static List<Outage> awaited(CompletableFuture<List<Outage>> outages) {
        try {
            return outages.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the broker outages did not run as planned: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Polled by hand: Awaitility would fail this wait on any thread's uncaught exception, such as the mail server's
     * when a notifier is killed mid-conversation.
     */
    private static void awaitFirstReady(IntSupplier ready, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (ready.getAsInt() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no customer was ready within " + within);
            }
            Thread.sleep(Duration.ofSeconds(1));
        }
    }

    private static Outage loseAndRecover(KafkaCluster cluster, int readyNow) throws InterruptedException {
        int node = cluster.activeController();
        cluster.kill(node);
        System.out.printf("broker loss: killed node %d (the active controller), %d customers ready%n", node, readyNow);
        Thread.sleep(DOWN);
        long restarted = System.nanoTime();
        cluster.restart(node);
        cluster.awaitFullyReplicated(IN_SYNC);
        return new Outage(node, readyNow, Duration.ofNanos(System.nanoTime() - restarted));
    }
}
