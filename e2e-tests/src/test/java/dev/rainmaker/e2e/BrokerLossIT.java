package dev.rainmaker.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.KafkaCluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of sign-ups while the Kafka cluster loses brokers: three brokers (three replicas a partition, {@code
 * min.insync.replicas=2}), the active controller killed with SIGKILL mid-burst and started again on its data, then,
 * once every partition is back in sync, the next active controller the same way. Every customer must become ready
 * exactly once with one droplet, nothing may be dead-lettered or fail, and every consumer group must end with nothing
 * left to read. Sized by {@code rainmaker.broker-loss.customers} (default 200).
 */
class BrokerLossIT {

    private static final int CUSTOMERS = Integer.getInteger("rainmaker.broker-loss.customers", 200);
    /** Long enough for customers to be in every stage when the brokers go. */
    private static final Duration BOOT_DELAY = Duration.ofSeconds(10);
    /**
     * Longer than a broker's session with the controllers (9 s): the dead broker is fenced and its partitions' leaders
     * move, as they would for a machine that does not come back soon.
     */
    private static final Duration DOWN = Duration.ofSeconds(15);

    private static final Duration IN_SYNC = Duration.ofMinutes(2);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration IDLE_GROUPS = Duration.ofMinutes(1);

    /**
     * One broker's loss: which node, when (ready customers then), and how long from its restart until it was a broker
     * of the cluster again with every partition's replicas in sync.
     */
    record Outage(int node, int readyAtKill, Duration down, Duration backInSync) {}

    @Test
    void everyCustomerBecomesReadyExactlyOnceWithOneDropletWhileTwoBrokersInTurnAreKilledAndRestarted()
            throws InterruptedException {
        long started = System.nanoTime();
        try (LocalPipeline pipeline = LocalPipeline.start(
                "e2e-broker-loss",
                1,
                BOOT_DELAY,
                options -> options.withBrokers(3),
                cloud -> {},
                UnaryOperator.identity())) {
            KafkaCluster cluster = pipeline.cloud().kafkaCluster();
            System.out.printf(
                    "broker loss: %d customers; 3 brokers and the services up after %d s%n",
                    CUSTOMERS, secondsSince(started));
            List<SignupReceived> signups = DemoSignups.create("broker-loss", CUSTOMERS);
            Set<String> customers =
                    signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
            long published = System.nanoTime();
            signups.forEach(signup -> pipeline.kafka()
                    .publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));

            List<Outage> outages = new ArrayList<>();
            await().atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> !pipeline.readyCustomers(customers).isEmpty());
            outages.add(
                    loseAndRecover(cluster, pipeline.readyCustomers(customers).size()));
            outages.add(
                    loseAndRecover(cluster, pipeline.readyCustomers(customers).size()));
            assertThat(outages.get(1).readyAtKill())
                    .as("customers ready when the second broker was killed (else it was not mid-burst)")
                    .isLessThan(CUSTOMERS);
            assertThat(outages.get(1).node()).isNotEqualTo(outages.get(0).node());

            await().atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(2))
                    .failFast(
                            "a record was dead-lettered",
                            () -> assertThat(pipeline.deadLetterReasons()).isEmpty())
                    .until(() -> pipeline.readyCustomers(customers).size() == customers.size());
            long allReady = secondsSince(published);
            await().atMost(IDLE_GROUPS)
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> ConsumerGroupLag.of(cluster.bootstrapServers()).values().stream()
                            .allMatch(lag -> lag == 0));

            outages.forEach(outage -> System.out.printf(
                    "broker loss: node %d killed with %d of %d customers ready, down %d s, every partition in sync"
                            + " %d s after its restart began%n",
                    outage.node(),
                    outage.readyAtKill(),
                    CUSTOMERS,
                    outage.down().toSeconds(),
                    outage.backInSync().toSeconds()));
            System.out.printf(
                    "broker loss: all %d customers ready %d s after their sign-ups; consumer groups %s%n",
                    CUSTOMERS, allReady, ConsumerGroupLag.of(cluster.bootstrapServers()));
            pipeline.printRecordsPerTopic("broker loss", customers);

            ExactlyOnce.assertReadyOnceOnOneDroplet(pipeline, customers);
            assertThat(pipeline.recordsOf(EventType.PROVISIONING_FAILED.topic(), customers))
                    .as("provisioning failures")
                    .isEmpty();
            assertThat(pipeline.deadLetterReasons()).as("dead letters").isEmpty();
        }
        System.out.printf("broker loss: %d s in all%n", secondsSince(started));
    }

    /** Kills the active controller, keeps it down for {@link #DOWN}, starts it again and waits until all is in sync. */
    private static Outage loseAndRecover(KafkaCluster cluster, int readyNow) throws InterruptedException {
        int node = cluster.activeController();
        cluster.kill(node);
        System.out.printf("broker loss: killed node %d (the active controller), %d customers ready%n", node, readyNow);
        Thread.sleep(DOWN);
        long restarted = System.nanoTime();
        cluster.restart(node);
        cluster.awaitFullyReplicated(IN_SYNC);
        return new Outage(node, readyNow, DOWN, Duration.ofNanos(System.nanoTime() - restarted));
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
