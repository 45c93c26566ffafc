package dev.rainmaker.droplet.service.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.HostKey;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.sshkeys.CloudConfig;
import dev.rainmaker.droplet.service.sshkeys.HostKeys;
import dev.rainmaker.droplet.service.sshkeys.ProvisioningKey;
import dev.rainmaker.events.DropletSpec;
import org.jboss.logging.Logger;

/**
 * Creates droplets in batches: a request waits up to {@code window} for others of the same size, image and region,
 * then up to {@code maxSize} (10 by default) are created by one {@code POST /v2/droplets} with {@code names[]}. The
 * droplets of a batch share its tags and cloud-config, and so one freshly generated <em>boot</em> host key: it only
 * lets the first SSH login (bootstrap-service's) pin the host, and bootstrap-service then replaces it with a key of
 * the droplet's own, so a customer who reads the boot key from the metadata service cannot impersonate a neighbour.
 * When DigitalOcean refuses a batch of several (422), each droplet is tried alone, so one bad request does not fail
 * the others.
 */
@ApplicationScoped
class CreateBatcher {

    private static final Logger LOG = Logger.getLogger(CreateBatcher.class);

    private final DigitalOceanApi digitalOcean;
    private final FirewallGuard firewall;
    private final ProvisioningKey provisioningKey;
    private final Batching batching;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Pending> pending = new ArrayList<>();
    private Thread loop;

    /** How many droplets one create carries at most, and how long the first waits for others. */
    record Batching(int maxSize, Duration window) {

        public Batching {
            if (maxSize < 1 || maxSize > DropletBatch.MAX_NAMES) {
                throw new IllegalArgumentException(
                        "rainmaker.droplet.batch.max-size must be 1 to " + DropletBatch.MAX_NAMES + ", not " + maxSize);
            }
        }
    }

    @Inject
    CreateBatcher(
            DigitalOceanApi digitalOcean,
            FirewallGuard firewall,
            ProvisioningKey provisioningKey,
            DropletConfig config) {
        this(
                digitalOcean,
                firewall,
                provisioningKey,
                new Batching(config.batch().maxSize(), config.batch().window()));
    }

    CreateBatcher(
            DigitalOceanApi digitalOcean, FirewallGuard firewall, ProvisioningKey provisioningKey, Batching batching) {
        this.digitalOcean = digitalOcean;
        this.firewall = firewall;
        this.provisioningKey = provisioningKey;
        this.batching = batching;
    }

    /** Before a lookup that may lead to a create: the firewall every droplet needs is made meanwhile. */
    void prepare() {
        firewall.ensureInBackground();
    }

    /**
     * Creates the droplet, batched with others waiting; returns it as created (status {@code new}). A transient
     * {@link DigitalOceanException} means it may or may not exist.
     */
    RemoteDroplet create(String customerId, DropletSpec spec) {
        Pending request = new Pending(customerId, spec, clock.instant(), new CompletableFuture<>());
        lock.lock();
        try {
            pending.add(request);
            if (loop == null) {
                loop = Thread.ofVirtual().name("droplet-create-batcher").start(this::collect);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            return request.created().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        lock.lock();
        try {
            if (loop != null) {
                loop.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    private void collect() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<Pending> batch = nextBatch();
                Thread.ofVirtual().name("droplet-create").start(() -> send(batch));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The oldest request and those like it, once the batch is full or the oldest has waited its window. */
    private List<Pending> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (pending.isEmpty()) {
                    arrived.await();
                    continue;
                }
                Pending first = pending.getFirst();
                Duration left = Duration.between(clock.instant(), first.since().plus(batching.window()));
                if (like(first).size() < batching.maxSize() && left.isPositive()) {
                    arrived.await(left.toNanos(), TimeUnit.NANOSECONDS);
                    continue;
                }
                List<Pending> batch = like(first);
                pending.removeAll(batch);
                return batch;
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Pending> like(Pending first) {
        List<Pending> same = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext() && same.size() < batching.maxSize(); ) {
            Pending p = it.next();
            if (p.sameKind(first)) {
                same.add(p);
            }
        }
        return same;
    }

    private void send(List<Pending> batch) {
        try {
            firewall.ensure();
            HostKey hostKey = HostKeys.generate();
            DropletSpec spec = batch.getFirst().spec();
            DropletBatch request = new DropletBatch(
                    batch.stream().map(p -> p.spec().name()).toList(),
                    spec.region(),
                    spec.size(),
                    spec.image(),
                    tags(batch, hostKey),
                    CloudConfig.render(hostKey, provisioningKey.read()));
            Map<String, RemoteDroplet> created = digitalOcean.createAll(request).stream()
                    .collect(Collectors.toMap(RemoteDroplet::name, Function.identity(), (a, b) -> a));
            LOG.infof("Created %d droplet(s) %s, host key %s", created.size(), request.names(), hostKey.fingerprint());
            for (Pending p : batch) {
                RemoteDroplet droplet = created.get(p.spec().name());
                if (droplet != null) {
                    p.created().complete(droplet);
                } else {
                    p.created()
                            .completeExceptionally(new DigitalOceanException(
                                    "POST /v2/droplets: DigitalOcean's answer does not list droplet "
                                            + p.spec().name(),
                                    202,
                                    true,
                                    null));
                }
            }
        } catch (DigitalOceanException e) {
            if (e.status() == 422 && batch.size() > 1) {
                LOG.warnf("DigitalOcean refused a batch of %d; creating each alone: %s", batch.size(), e.getMessage());
                batch.forEach(p -> send(List.of(p)));
                return;
            }
            batch.forEach(p -> p.created().completeExceptionally(e));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.created().completeExceptionally(e));
        }
    }

    /**
     * {@code rainmaker}, the in-flight tag the watcher lists, the host key's tag; a droplet of its own also carries its
     * customer's tag. A batch's tags are shared by all its droplets.
     */
    private static List<String> tags(List<Pending> batch, HostKey hostKey) {
        List<String> tags = new ArrayList<>(List.of(
                DropletNames.RAINMAKER_TAG, DropletNames.BOOTING_TAG, DropletNames.hostKeyTag(hostKey.sha256Hex())));
        if (batch.size() == 1) {
            tags.add(DropletNames.customerTag(batch.getFirst().customerId()));
        }
        return tags;
    }

    private record Pending(
            String customerId, DropletSpec spec, Instant since, CompletableFuture<RemoteDroplet> created) {

        boolean sameKind(Pending other) {
            return spec.size().equals(other.spec.size())
                    && spec.image().equals(other.spec.image())
                    && spec.region().equals(other.spec.region());
        }
    }
}
