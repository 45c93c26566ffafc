package dev.rainmaker.droplet.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.client.DigitalOceanApi;
import dev.rainmaker.droplet.client.DigitalOceanException;
import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.DropletCreation;
import dev.rainmaker.droplet.domain.HostKey;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import org.jboss.logging.Logger;

/**
 * Makes sure a customer has exactly one droplet and waits until it is active. DigitalOcean has no idempotency key, so
 * the customer tag is looked up before a create, and again after a create whose outcome is unknown.
 */
@ApplicationScoped
public class DropletProvisioner {

    private static final Logger LOG = Logger.getLogger(DropletProvisioner.class);

    private final DigitalOceanApi digitalOcean;
    private final TransientRetry retry;
    private final ProvisioningKey provisioningKey;
    private final CustomerLocks locks;
    private final Waiting waiting;
    private final Clock clock = Clock.systemUTC();

    /** How a droplet is waited for: poll interval, the whole budget, and how long a fresh droplet may be a 404. */
    public record Waiting(Duration pollInterval, Duration bootTimeout, Duration notFoundGrace) {}

    @Inject
    DropletProvisioner(
            DigitalOceanApi digitalOcean,
            TransientRetry retry,
            ProvisioningKey provisioningKey,
            CustomerLocks locks,
            DropletConfig config) {
        this(
                digitalOcean,
                retry,
                provisioningKey,
                locks,
                new Waiting(config.pollInterval(), config.bootTimeout(), config.notFoundGrace()));
    }

    public DropletProvisioner(
            DigitalOceanApi digitalOcean,
            TransientRetry retry,
            ProvisioningKey provisioningKey,
            CustomerLocks locks,
            Waiting waiting) {
        this.digitalOcean = digitalOcean;
        this.retry = retry;
        this.provisioningKey = provisioningKey;
        this.locks = locks;
        this.waiting = waiting;
    }

    /** The customer's one droplet, created if it does not exist yet, once it is active. */
    public Droplet provision(DropletRequested request) {
        return locks.withLock(request.customerId(), () -> provisionAlone(request));
    }

    private Droplet provisionAlone(DropletRequested request) {
        String customerTag = DropletNames.customerTag(request.customerId());
        RemoteDroplet droplet = existing(customerTag)
                .map(found -> {
                    LOG.infof(
                            "Customer %s already has droplet %d (%s): reusing it",
                            request.customerId(), found.id(), found.status());
                    return found;
                })
                .orElseGet(() -> create(request, customerTag));
        RemoteDroplet active = waitUntilActive(droplet, request.customerId());
        return new Droplet(
                active.id(),
                active.name(),
                active.publicIpv4().orElseThrow(),
                active.region(),
                active.image(),
                active.size(),
                hostKeyFingerprint(active));
    }

    private Optional<RemoteDroplet> existing(String customerTag) {
        List<RemoteDroplet> found =
                retry.call("looking up droplets tagged " + customerTag, () -> digitalOcean.dropletsTagged(customerTag));
        if (found.size() > 1) {
            LOG.warnf(
                    "%d droplets carry tag %s (ids %s); using the oldest",
                    found.size(),
                    customerTag,
                    found.stream().map(RemoteDroplet::id).toList());
        }
        return found.stream().min(Comparator.comparingLong(RemoteDroplet::id));
    }

    private RemoteDroplet create(DropletRequested request, String customerTag) {
        HostKey hostKey = HostKeys.generate();
        DropletSpec spec = request.droplet();
        DropletCreation creation = new DropletCreation(
                spec.name(),
                spec.region(),
                spec.size(),
                spec.image(),
                List.of(DropletNames.RAINMAKER_TAG, customerTag, DropletNames.hostKeyTag(hostKey.sha256Hex())),
                CloudConfig.render(hostKey, provisioningKey.read()));
        for (int attempt = 1; ; attempt++) {
            try {
                RemoteDroplet created = digitalOcean.create(creation);
                LOG.infof(
                        "Created droplet %d (%s) for customer %s, host key %s",
                        created.id(), created.name(), request.customerId(), hostKey.fingerprint());
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
                Optional<RemoteDroplet> createdAfterAll = existing(customerTag);
                if (createdAfterAll.isPresent()) {
                    return createdAfterAll.get();
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new TransientFailuresExhausted(
                            "creating droplet " + spec.name() + " still failing after " + attempt
                                    + " attempts, and no droplet carries tag " + customerTag + ": " + e.getMessage(),
                            e);
                }
            }
        }
    }

    private RemoteDroplet waitUntilActive(RemoteDroplet droplet, String customerId) {
        Instant start = clock.instant();
        Instant deadline = start.plus(waiting.bootTimeout());
        Instant notFoundTolerated = start.plus(waiting.notFoundGrace());
        RemoteDroplet last = droplet;
        while (!last.activeWithAddress()) {
            if (clock.instant().isAfter(deadline)) {
                throw new PermanentFailure("droplet " + droplet.id() + " (" + droplet.name() + ") of customer "
                        + customerId + " is still '" + last.status() + "' after " + waiting.bootTimeout()
                        + " (rainmaker.droplet.boot-timeout); giving up on it");
            }
            Backoff.sleep(waiting.pollInterval());
            try {
                last = digitalOcean.droplet(droplet.id());
            } catch (DigitalOceanException e) {
                if (e.notFound()) {
                    if (clock.instant().isAfter(notFoundTolerated)) {
                        throw new PermanentFailure(
                                "droplet " + droplet.id() + " (" + droplet.name()
                                        + ") disappeared while it was booting: " + e.getMessage(),
                                e);
                    }
                } else if (!e.isTransient()) {
                    throw new PermanentFailure("polling droplet " + droplet.id() + " failed: " + e.getMessage(), e);
                } else {
                    LOG.warnf("Polling droplet %d failed, will poll again: %s", droplet.id(), e.getMessage());
                }
            }
        }
        return last;
    }

    private static String hostKeyFingerprint(RemoteDroplet droplet) {
        String hex = droplet.tags().stream()
                .filter(tag -> tag.startsWith(DropletNames.HOSTKEY_TAG_PREFIX))
                .map(tag -> tag.substring(DropletNames.HOSTKEY_TAG_PREFIX.length()))
                .findFirst()
                .orElseThrow(() -> new PermanentFailure("droplet " + droplet.id() + " (" + droplet.name()
                        + ") has no " + DropletNames.HOSTKEY_TAG_PREFIX
                        + "<sha256> tag, so its host key cannot be pinned; it was not created by Rainmaker"));
        try {
            return HostKeys.fingerprintFromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("droplet " + droplet.id() + " has a malformed host key tag: " + e.getMessage());
        }
    }
}
