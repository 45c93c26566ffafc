package dev.rainmaker.droplet.service.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.rainmaker.droplet.client.DigitalOceanCalls;
import dev.rainmaker.droplet.client.DigitalOceanClient;
import dev.rainmaker.droplet.client.TestDropletConfig;
import dev.rainmaker.droplet.client.TokenStatus;
import dev.rainmaker.droplet.service.Backoff;
import dev.rainmaker.droplet.service.TestKeys;
import dev.rainmaker.droplet.service.TransientRetry;
import dev.rainmaker.droplet.service.fleet.DuplicateReaper;
import dev.rainmaker.droplet.service.fleet.FleetWatcher;
import dev.rainmaker.droplet.service.fleet.ListingPace;
import dev.rainmaker.droplet.service.fleet.WatchTiming;
import dev.rainmaker.droplet.service.sshkeys.ProvisioningKey;
import dev.rainmaker.droplet.service.teardown.DropletDestroyer;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.digitalocean.DigitalOceanStandIn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;

/**
 * droplet-service's provisioning (real client, batcher, watcher) against local-cloud's DigitalOcean stand-in, outside
 * Quarkus: for fault tests and the benchmark.
 */
final class StandInRig implements AutoCloseable {

    /** How the provisioning is timed; the budgets are the client's per-minute and per-hour requests. */
    record Settings(
            int perMinute,
            int perHour,
            Duration lookupInterval,
            Duration pollInterval,
            Duration batchWindow,
            Duration bootTimeout,
            Duration notFoundGrace,
            Duration requestTimeout) {

        static Settings forTests() {
            return new Settings(
                    250,
                    5000,
                    Duration.ofMillis(100),
                    Duration.ofMillis(200),
                    Duration.ofMillis(100),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(3),
                    Duration.ofSeconds(2));
        }
    }

    final DigitalOceanStandIn standIn;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DigitalOceanCalls calls = new DigitalOceanCalls(meters);
    final DigitalOceanClient client;
    /** When each droplet was reported active, in order. */
    final Queue<Instant> reportedAt = new ConcurrentLinkedQueue<>();

    final DropletProvisioner provisioner;
    private final Vertx vertx = Vertx.vertx();

    StandInRig(DigitalOceanStandIn standIn, String token, Settings settings) throws IOException {
        this.standIn = standIn;
        TestDropletConfig config = new TestDropletConfig(
                standIn.baseUrl(),
                Optional.of(token),
                settings.perMinute(),
                settings.perHour(),
                settings.requestTimeout());
        client = new DigitalOceanClient(vertx, config, calls, new TokenStatus());
        TransientRetry retry = new TransientRetry(6, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)));
        Path key = Files.createTempFile("rainmaker-provisioning-", ".pub");
        key.toFile().deleteOnExit();
        Files.writeString(key, TestKeys.ED25519 + "\n");
        provisioner = new DropletProvisioner(
                new FleetWatcher(
                        client,
                        new DuplicateReaper(client, meters),
                        new WatchTiming(settings.lookupInterval(), settings.pollInterval(), settings.batchWindow()),
                        retry,
                        new ListingPace(
                                Double.parseDouble(System.getProperty("benchmark.listing-share", "0.5")),
                                settings.perMinute())),
                new CreateBatcher(
                        client,
                        new FirewallGuard(client),
                        new ProvisioningKey(key),
                        new CreateBatcher.Batching(
                                Integer.getInteger("benchmark.batch-size", 10), settings.batchWindow())),
                new DropletDestroyer(client, retry, true),
                retry,
                new CustomerLocks(),
                calls,
                new DropletProvisioner.Waiting(settings.bootTimeout(), settings.notFoundGrace()));
    }

    /**
     * Each request provisioned on its own virtual thread and reported, as the consumer reports it once its
     * {@code DropletActive} is published; each outcome a {@link Droplet} or what it threw.
     */
    List<Object> provisionAll(List<DropletRequested> requests) throws InterruptedException {
        return provisionAll(requests, Duration.ZERO, Duration.ZERO);
    }

    /**
     * As {@link #provisionAll(List)}, the requests arriving evenly over {@code arrival} (as a pipeline's consumers hand
     * them on), each droplet reported {@code reportDelay} after it was seen active (as a busy pipeline publishes
     * {@code DropletActive} late); {@link #reportedAt} notes when it was seen active.
     */
    List<Object> provisionAll(List<DropletRequested> requests, Duration arrival, Duration reportDelay)
            throws InterruptedException {
        Instant start = Instant.now();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Droplet>> futures = threads.invokeAll(IntStream.range(0, requests.size())
                    .mapToObj(i -> (Callable<Droplet>) () -> {
                        Thread.sleep(Duration.between(
                                Instant.now(),
                                start.plus(arrival.multipliedBy(i).dividedBy(requests.size()))));
                        Droplet droplet = provisioner.provision(requests.get(i));
                        reportedAt.add(Instant.now());
                        Thread.sleep(reportDelay);
                        provisioner.reported(droplet);
                        return droplet;
                    })
                    .toList());
            List<Object> outcomes = new ArrayList<>();
            for (Future<Droplet> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        }
    }

    static DropletRequested request(String customerId, String size) {
        return new DropletRequested(
                new SignupReceived(
                        customerId,
                        "ops@" + customerId + ".example",
                        "Ada",
                        "starter",
                        "Europe/Berlin",
                        List.of(new AdminUser("ada", TestKeys.ED25519))),
                new DropletSpec("rm-" + customerId, size, "debian-12-x64", "fra1"));
    }

    @Override
    public void close() {
        standIn.close();
        vertx.closeAndAwait();
    }
}
