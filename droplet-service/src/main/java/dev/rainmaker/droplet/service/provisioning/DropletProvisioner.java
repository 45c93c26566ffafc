package dev.rainmaker.droplet.service.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.Backoff;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.droplet.service.ProvisionedCustomers;
import dev.rainmaker.droplet.service.TransientFailuresExhausted;
import dev.rainmaker.droplet.service.TransientRetry;
import dev.rainmaker.droplet.service.fleet.DropletGone;
import dev.rainmaker.droplet.service.fleet.FleetWatcher;
import dev.rainmaker.droplet.service.sshkeys.HostKeyTag;
import dev.rainmaker.droplet.service.teardown.DropletDestroyer;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import org.jboss.logging.Logger;

/**
 * Makes sure a customer has exactly one droplet and waits until it is active. DigitalOcean has no idempotency key, so
 * the droplet's deterministic name is looked up before a create, and again after a create whose outcome is unknown.
 * Lookups and waits share the {@link FleetWatcher}'s listings; creates share the {@link CreateBatcher}'s batches.
 */
@ApplicationScoped
public class DropletProvisioner {

    private static final Logger LOG = Logger.getLogger(DropletProvisioner.class);

    private final FleetWatcher watcher;
    private final CreateBatcher batcher;
    private final DropletDestroyer destroyer;
    private final TransientRetry retry;
    private final CustomerLocks locks;
    private final ProvisionedCustomers provisioned;
    private final Waiting waiting;
    private final Clock clock = Clock.systemUTC();

    /** How long a droplet may take to boot, and how long a fresh droplet may be missing from listings. */
    record Waiting(Duration bootTimeout, Duration notFoundGrace) {}

    @Inject
    DropletProvisioner(
            FleetWatcher watcher,
            CreateBatcher batcher,
            DropletDestroyer destroyer,
            TransientRetry retry,
            CustomerLocks locks,
            ProvisionedCustomers provisioned,
            DropletConfig config) {
        this(
                watcher,
                batcher,
                destroyer,
                retry,
                locks,
                provisioned,
                new Waiting(config.bootTimeout(), config.notFoundGrace()));
    }

    DropletProvisioner(
            FleetWatcher watcher,
            CreateBatcher batcher,
            DropletDestroyer destroyer,
            TransientRetry retry,
            CustomerLocks locks,
            ProvisionedCustomers provisioned,
            Waiting waiting) {
        this.watcher = watcher;
        this.batcher = batcher;
        this.destroyer = destroyer;
        this.retry = retry;
        this.locks = locks;
        this.provisioned = provisioned;
        this.waiting = waiting;
    }

    /** The customer's one droplet, created if it does not exist yet, once it is active. */
    public Droplet provision(DropletRequested request) {
        return locks.withLock(request.customerId(), () -> provisionAlone(request));
    }

    /**
     * After the customer's {@code DropletActive} was published: the droplet is no longer in flight, and the watcher
     * takes it out of its listings.
     */
    public void reported(Droplet droplet) {
        watcher.reported(droplet.id());
    }

    private Droplet provisionAlone(DropletRequested request) {
        Instant deadline = clock.instant().plus(waiting.bootTimeout());
        batcher.prepare();
        RemoteDroplet droplet = watcher.lookup(request.droplet().name())
                .map(found -> {
                    LOG.infof(
                            "Customer %s already has droplet %d (%s): reusing it",
                            request.customerId(), found.id(), found.status());
                    return found;
                })
                .orElseGet(() -> create(request));
        RemoteDroplet active = awaitActive(request, droplet, deadline);
        Droplet result = new Droplet(
                active.id(),
                active.name(),
                active.publicIpv4().orElseThrow(),
                active.region(),
                active.image(),
                active.size(),
                HostKeyTag.fingerprint(active));
        provisioned.customerProvisioned();
        return result;
    }

    /**
     * Waits within the boot budget. A droplet that left the listings of booting droplets is looked up by name before
     * it counts as gone: another instance may have reported it already, or a duplicate's survivor is the customer's.
     */
    private RemoteDroplet awaitActive(DropletRequested request, RemoteDroplet droplet, Instant deadline) {
        while (true) {
            try {
                return watcher.awaitActive(droplet, deadline, waiting.bootTimeout(), waiting.notFoundGrace());
            } catch (DropletGone gone) {
                Optional<RemoteDroplet> again = watcher.lookup(droplet.name());
                if (again.isEmpty()) {
                    throw gone;
                }
                LOG.infof(
                        "Droplet %d of customer %s is no longer listed as booting; found by name: %d (%s)",
                        droplet.id(),
                        request.customerId(),
                        again.get().id(),
                        again.get().status());
                droplet = again.get();
            } catch (PermanentFailure e) {
                throw destroyer.afterFailure(droplet, e);
            }
        }
    }

    private RemoteDroplet create(DropletRequested request) {
        DropletSpec spec = request.droplet();
        for (int attempt = 1; ; attempt++) {
            try {
                RemoteDroplet created = batcher.create(request.customerId(), spec);
                LOG.infof(
                        "Created droplet %d (%s) for customer %s", created.id(), created.name(), request.customerId());
                return created;
            } catch (DigitalOceanException e) {
                if (!e.isTransient()) {
                    throw new PermanentFailure(
                            "DigitalOcean refused to create droplet " + spec.name() + " (" + spec.size() + ", "
                                    + spec.image() + ", " + spec.region() + "): " + e.getMessage(),
                            e);
                }
                LOG.warnf(
                        "Create of droplet %s has an unknown outcome (%s); looking it up before anything else",
                        spec.name(), e.getMessage());
                Backoff.sleep(retry.backoff().delayBefore(attempt));
                Optional<RemoteDroplet> createdAfterAll = watcher.lookup(spec.name());
                if (createdAfterAll.isPresent()) {
                    return createdAfterAll.get();
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new TransientFailuresExhausted(
                            "creating droplet " + spec.name() + " still failing after " + attempt
                                    + " attempts, and no droplet of that name exists: " + e.getMessage(),
                            e);
                }
            }
        }
    }
}
