package dev.rainmaker.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.kafka.KafkaCluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-ups while everything goes wrong: two processes of each service, one of them killed (SIGKILL) and restarted every
 * few seconds, the services in turn, each when it has customers in flight; a notifier killed right after the mail
 * server took its email, before its commit; Kafka a cluster of three brokers (three replicas a partition,
 * {@code min.insync.replicas=2}) of which two in turn are killed mid-burst and restarted ({@link BrokerOutages}); the
 * DigitalOcean stand-in answers 10 % of calls with 500 and has 429 storms; droplets take 15 s to boot, every host
 * refuses SSH for its first 30 s, and one in four is slow (every command takes 300 ms longer). Every customer must
 * still become ready exactly once, with exactly one droplet, nothing may be dead-lettered, and every consumer group
 * must end with nothing left to read; and the chaos must have happened ({@link ChaosCoverage}: every service killed
 * twice with customers in flight, a notifier killed between an email and its commit; the second broker lost before the
 * last customer was ready), else the run proves nothing and fails. Sized by system properties:
 * {@code rainmaker.chaos.customers} (default 200), {@code rainmaker.chaos.kill-interval} (default PT6S),
 * {@code rainmaker.chaos.timeout} (PT12M) and {@code rainmaker.chaos.seed}. {@code rainmaker.chaos.slow-timeouts}
 * (default true) also makes one host in four run its stack install past the services' command timeout (set to
 * {@link #SLOW_TIMEOUT}) before completing: the stage must look at the host, wait for the install and resume, and the
 * customer must still become ready with nothing dead-lettered.
 */
class ChaosIT {

    private static final int CUSTOMERS = Integer.getInteger("rainmaker.chaos.customers", 200);
    private static final Duration KILL_INTERVAL =
            Duration.parse(System.getProperty("rainmaker.chaos.kill-interval", "PT6S"));
    private static final Duration READY_TIMEOUT =
            Duration.parse(System.getProperty("rainmaker.chaos.timeout", "PT12M"));
    private static final long SEED = Long.getLong("rainmaker.chaos.seed", System.currentTimeMillis());
    private static final Duration SSH_REFUSED_AFTER_BOOT = Duration.ofSeconds(30);
    /**
     * Long enough for droplet-service to have customers in flight at two kills (at one-second boots it is done in 5 s).
     */
    private static final Duration BOOT_DELAY = Duration.ofSeconds(15);

    private static final int BROKERS = 3;
    private static final Duration IDLE_GROUPS = Duration.ofMinutes(1);

    private static final double SERVER_ERROR_SHARE = 0.10;
    private static final Duration STORM_EVERY = Duration.ofSeconds(30);
    private static final Duration STORM_LENGTH = Duration.ofSeconds(4);
    private static final double SLOW_HOST_SHARE = 0.25;
    private static final Duration SLOW_HOST_LATENCY = Duration.ofMillis(300);
    private static final boolean SLOW_TIMEOUTS =
            Boolean.parseBoolean(System.getProperty("rainmaker.chaos.slow-timeouts", "true"));
    static final Duration SLOW_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SLOW_INSTALL = Duration.ofSeconds(35);
    private static final String STACK_INSTALL = "DEBIAN_FRONTEND=noninteractive apt-get install";
    private static final AtomicInteger SLOW_HOSTS = new AtomicInteger();
    private static final AtomicInteger SLOW_INSTALLS = new AtomicInteger();

    @Test
    void everyCustomerBecomesReadyExactlyOnceWithOneDropletAndNoDeadLetterWhileServicesAreKilledAndTheCloudMisbehaves()
            throws Exception {
        long started = System.nanoTime();
        try (LocalPipeline pipeline = LocalPipeline.start(
                        "e2e-chaos",
                        2,
                        BOOT_DELAY,
                        options -> options.withBrokers(BROKERS),
                        ChaosIT::misbehave,
                        ChaosIT::tolerateKills);
                ScheduledExecutorService storms = Executors.newSingleThreadScheduledExecutor()) {
            System.out.printf(
                    "chaos: %d customers, %d brokers and 8 service processes up after %d s; kill every %d s, seed %d%n",
                    CUSTOMERS, BROKERS, secondsSince(started), KILL_INTERVAL.toSeconds(), SEED);
            storms.scheduleAtFixedRate(
                    () -> pipeline.cloud().digitalOcean().faults().rateLimitStorm(STORM_LENGTH),
                    STORM_EVERY.toSeconds() / 3,
                    STORM_EVERY.toSeconds(),
                    TimeUnit.SECONDS);

            List<SignupReceived> signups = DemoSignups.create("chaos", CUSTOMERS);
            Set<String> customers =
                    signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
            long published = System.nanoTime();
            signups.forEach(signup -> pipeline.kafka()
                    .publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));
            KafkaCluster cluster = pipeline.cloud().kafkaCluster();
            CompletableFuture<List<BrokerOutages.Outage>> brokerLoss = BrokerOutages.midBurst(
                    cluster, () -> pipeline.readyCustomers(customers).size(), READY_TIMEOUT);

            List<ChaosMonkey.Kill> kills;
            SendCommitKiller sendCommit;
            try (StageProgress progress =
                            new StageProgress(pipeline.cloud().info().kafkaBootstrapServers(), customers);
                    ChaosMonkey monkey = new ChaosMonkey(pipeline.services(), KILL_INTERVAL, progress).start()) {
                sendCommit = new SendCommitKiller(monkey);
                pipeline.cloud().smtp().onDelivery(sendCommit::taken);
                try {
                    // A service killed in the middle of an SMTP conversation makes the in-JVM mail server's connection
                    // thread end with "Connection reset"; that is the chaos itself, not a failure of the pipeline.
                    await().atMost(READY_TIMEOUT)
                            .dontCatchUncaughtExceptions()
                            .pollInterval(Duration.ofSeconds(5))
                            .failFast("a record was dead-lettered, or the broker outages failed", () -> {
                                assertThat(pipeline.deadLetterReasons()).isEmpty();
                                assertThat(brokerLoss).isNotCompletedExceptionally();
                            })
                            .until(() -> pipeline.readyCustomers(customers).size() == customers.size());
                } catch (RuntimeException | AssertionError e) {
                    System.out.printf(
                            "chaos: %d of %d customers ready when the run gave up; in flight per service: %s%n",
                            pipeline.readyCustomers(customers).size(),
                            CUSTOMERS,
                            ChaosMonkey.SERVICES.stream()
                                    .map(service -> service + " " + progress.inFlight(service))
                                    .toList());
                    ChaosCoverage.report(monkey.kills(), sendCommit);
                    throw e;
                }
                monkey.close();
                kills = monkey.kills();
                // Not a failure in itself: a restarted droplet-service is not ready while DigitalOcean rate-limits it.
                monkey.problems().forEach(problem -> System.out.println("chaos: " + problem));
            }
            storms.shutdownNow();
            List<BrokerOutages.Outage> outages = BrokerOutages.awaited(brokerLoss);
            await().atMost(IDLE_GROUPS)
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> ConsumerGroupLag.of(cluster.bootstrapServers()).values().stream()
                            .allMatch(lag -> lag == 0));
            outages.forEach(outage -> System.out.printf(
                    "chaos: broker %d killed with %d of %d customers ready, down %d s, every partition in sync %d s"
                            + " after its restart began%n",
                    outage.node(),
                    outage.readyAtKill(),
                    CUSTOMERS,
                    BrokerOutages.DOWN.toSeconds(),
                    outage.backInSync().toSeconds()));
            System.out.printf(
                    "chaos: all %d customers ready %d s after their sign-ups; %d processes killed and restarted;"
                            + " %d slow hosts (+%d ms a command), %d installs past the command timeout%n",
                    CUSTOMERS,
                    secondsSince(published),
                    kills.size(),
                    SLOW_HOSTS.get(),
                    SLOW_HOST_LATENCY.toMillis(),
                    SLOW_INSTALLS.get());
            // Anything still in flight (a redelivered record, a second email) has time to land before the counts.
            Thread.sleep(Duration.ofSeconds(10));

            if (SLOW_TIMEOUTS) {
                assertThat(SLOW_INSTALLS.get())
                        .as("hosts whose stack install outlived the command timeout (else no stage had to resume)")
                        .isPositive();
            }
            reportFigures(pipeline, customers);
            reportDuplicateEmails(pipeline, signups, kills);
            ChaosCoverage.report(kills, sendCommit);

            ExactlyOnce.assertReadyOnceOnOneDroplet(pipeline, customers);
            assertThat(pipeline.deadLetterReasons()).as("dead letters").isEmpty();
            assertThat(pipeline.recordsOf(EventType.PROVISIONING_FAILED.topic(), customers))
                    .as("provisioning failures")
                    .isEmpty();
            ChaosCoverage.assertCovered(kills, sendCommit);
            assertThat(outages.get(1).readyAtKill())
                    .as("customers ready when the second broker was killed (else it was not mid-burst)")
                    .isLessThan(CUSTOMERS);
            assertThat(outages.get(1).node())
                    .as("the second broker lost")
                    .isNotEqualTo(outages.get(0).node());
        }
        System.out.printf("chaos: %d s in all%n", secondsSince(started));
    }

    private static void misbehave(LocalCloud cloud) {
        cloud.hosts().refuseConnectionsAtEveryBoot(SSH_REFUSED_AFTER_BOOT);
        cloud.digitalOcean().faults().serverErrors(SERVER_ERROR_SHARE, SEED);
        Random slow = new Random(SEED);
        cloud.hosts().atEveryBoot(host -> {
            synchronized (slow) {
                if (slow.nextDouble() < SLOW_HOST_SHARE) {
                    host.slowDown(SLOW_HOST_LATENCY);
                    SLOW_HOSTS.incrementAndGet();
                }
                if (SLOW_TIMEOUTS && slow.nextDouble() < SLOW_HOST_SHARE) {
                    host.outliveOnce(STACK_INSTALL, SLOW_INSTALL);
                    SLOW_INSTALLS.incrementAndGet();
                }
            }
        });
    }

    /**
     * A killed consumer holds its partitions until its session times out (45 s by default): with a kill every few
     * seconds the groups would hardly ever be complete; six seconds is the broker's minimum. Two droplet-services
     * share the token's rate limit, and each lists the fleet at its poll interval while droplets boot: at the local
     * runs' 500 ms the two listings alone would eat DigitalOcean's 250 calls a minute.
     */
    private static ServiceLaunch tolerateKills(ServiceLaunch launch) {
        ServiceLaunch quickerRebalances = launch.withSystemProperty("kafka.session.timeout.ms", "6000")
                .withSystemProperty("kafka.heartbeat.interval.ms", "1000");
        if (SLOW_TIMEOUTS
                && !launch.name().startsWith("droplet-service")
                && !launch.name().startsWith("notifier")) {
            quickerRebalances =
                    quickerRebalances.withSystemProperty("rainmaker.ssh.command-timeout", SLOW_TIMEOUT.toString());
        }
        return launch.name().startsWith("droplet-service")
                ? quickerRebalances
                        .withSystemProperty("rainmaker.droplet.rate-limit.instances", "2")
                        .withSystemProperty("rainmaker.droplet.poll-interval", "3s")
                : quickerRebalances;
    }

    /** Records per topic beyond one per customer, and the notifier's transactions and DigitalOcean calls behind them. */
    private static void reportFigures(LocalPipeline pipeline, Set<String> customers) {
        pipeline.printRecordsPerTopic("chaos", customers);
        long written =
                pipeline.recordsOf(EventType.CUSTOMER_READY.topic(), customers).size();
        long committed = pipeline.readyRecordsOf(customers).size();
        String token = pipeline.cloud().info().digitalOceanToken();
        System.out.printf(
                "chaos: CustomerReady written %d times, %d in committed transactions (%d aborted)%n",
                written, committed, written - committed);
        System.out.printf(
                "chaos: DigitalOcean API calls %d, answered 429 %d%n",
                pipeline.cloud().digitalOcean().apiCalls(token),
                pipeline.cloud().digitalOcean().rateLimited(token));
    }

    /**
     * An email is sent before the transaction that publishes {@code CustomerReady} and commits the input commits: a
     * notifier killed (or fenced by a rebalance) in between sends it again when the record is read again.
     */
    private static void reportDuplicateEmails(
            LocalPipeline pipeline, List<SignupReceived> signups, List<ChaosMonkey.Kill> kills) throws IOException {
        Map<String, List<String>> notifierLines = notifierLogLines(pipeline.logs());
        List<String> notifierKills = kills.stream()
                .filter(kill -> kill.service().equals("notifier-service"))
                .map(kill -> kill.process() + " at " + LocalTime.ofInstant(kill.at(), ZoneId.systemDefault()))
                .toList();
        List<String> duplicates = new ArrayList<>();
        for (SignupReceived signup : signups) {
            int emails = pipeline.mailsTo(signup.email()).size();
            if (emails > 1) {
                duplicates.add(signup.email());
                System.out.printf(
                        "chaos: duplicate email: %s got %d emails. Why: the notifier sent it, then its transaction"
                                + " (CustomerReady + offset) did not commit, so StackInstalled was read again."
                                + " Notifier log lines for %s:%n    %s%n",
                        signup.email(),
                        emails,
                        signup.customerId(),
                        String.join("\n    ", linesAbout(notifierLines, signup.customerId())));
            }
        }
        System.out.printf(
                "chaos: %d duplicate emails of %d; notifier processes killed: %s%n",
                duplicates.size(), signups.size(), notifierKills);
    }

    private static Map<String, List<String>> notifierLogLines(Path logs) throws IOException {
        Map<String, List<String>> lines = new TreeMap<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("notifier-service"))
                    .toList()) {
                lines.put(log.getFileName().toString(), Files.readAllLines(log));
            }
        }
        return lines;
    }

    private static List<String> linesAbout(Map<String, List<String>> logs, String customerId) {
        List<String> found = new ArrayList<>();
        logs.forEach((file, lines) -> lines.stream()
                .filter(line -> line.contains(" " + customerId + " "))
                .forEach(line -> found.add(file + ": " + line)));
        return found;
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
