package dev.rainmaker.droplet.service.provisioning;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.domain.CloudFirewall;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.DropletNames;
import org.jboss.logging.Logger;

/**
 * Makes sure DigitalOcean's cloud firewall {@code rainmaker} (22/80/443 in from anywhere, all out) exists for droplets
 * tagged {@code rainmaker}, before the first droplet is created: found by name, created only when absent, once per
 * instance. A create whose answer was lost is found by the next lookup instead of being sent twice.
 *
 * <p>Two instances may both find none and both create one (DigitalOcean answers a taken name with 409, but nothing
 * says that check cannot race). So after a create, and whenever more than one is found, the firewalls of that name
 * converge: every instance keeps the one with the lowest id and deletes the others; one the other instance deleted
 * first (404) is fine.
 */
@ApplicationScoped
class FirewallGuard {

    static final String NAME = "rainmaker";
    private static final Logger LOG = Logger.getLogger(FirewallGuard.class);

    private final DigitalOceanApi digitalOcean;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean startedInBackground = new AtomicBoolean();
    private volatile boolean ensured;

    FirewallGuard(DigitalOceanApi digitalOcean) {
        this.digitalOcean = digitalOcean;
    }

    /** Returns once the firewall exists; a failure is DigitalOcean's ({@code DigitalOceanException}). */
    void ensure() {
        if (ensured) {
            return;
        }
        lock.lock();
        try {
            if (ensured) {
                return;
            }
            List<CloudFirewall> named = named();
            if (named.isEmpty()) {
                create();
                named = named();
            }
            if (named.size() > 1) {
                named = converge(named);
            }
            named.stream().findFirst().ifPresent(FirewallGuard::checkAppliesToRainmaker);
            ensured = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts {@link #ensure()} on a virtual thread of its own, once, so the firewall is being made while customers are
     * looked up; the first create still waits for it. A failure is left to the create's own {@link #ensure()}.
     */
    void ensureInBackground() {
        if (ensured || !startedInBackground.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("firewall-guard").start(() -> {
            try {
                ensure();
            } catch (RuntimeException e) {
                startedInBackground.set(false);
                LOG.warnf(
                        "Making sure cloud firewall %s exists failed; the first create tries again: %s",
                        NAME, e.getMessage());
            }
        });
    }

    /** Firewalls named {@code rainmaker}, lowest id first. */
    private List<CloudFirewall> named() {
        return digitalOcean.firewalls().stream()
                .filter(firewall -> NAME.equals(firewall.name()))
                .sorted(Comparator.comparing(CloudFirewall::id))
                .toList();
    }

    /** Keeps the first, deletes the others; returns the one kept. */
    private List<CloudFirewall> converge(List<CloudFirewall> lowestIdFirst) {
        CloudFirewall kept = lowestIdFirst.getFirst();
        List<String> others =
                lowestIdFirst.stream().skip(1).map(CloudFirewall::id).toList();
        LOG.warnf(
                "%d cloud firewalls are named %s: keeping %s, deleting %s",
                lowestIdFirst.size(), NAME, kept.id(), others);
        for (String id : others) {
            try {
                digitalOcean.deleteFirewall(id);
            } catch (DigitalOceanException e) {
                if (!e.notFound()) {
                    throw e;
                }
            }
        }
        return List.of(kept);
    }

    private void create() {
        digitalOcean.createTag(DropletNames.RAINMAKER_TAG);
        try {
            CloudFirewall created = digitalOcean.createFirewall(NAME, DropletNames.RAINMAKER_TAG);
            LOG.infof("Created cloud firewall %s (%s) for droplets tagged %s", NAME, created.id(), NAME);
        } catch (DigitalOceanException e) {
            if (e.status() != 409) {
                throw e;
            }
            LOG.infof("Cloud firewall %s was created meanwhile (409): using it", NAME);
        }
    }

    private static void checkAppliesToRainmaker(CloudFirewall firewall) {
        if (!firewall.tags().contains(DropletNames.RAINMAKER_TAG)) {
            LOG.errorf(
                    "Cloud firewall %s (%s) does not apply to tag %s: droplets are only protected by their own firewall",
                    NAME, firewall.id(), DropletNames.RAINMAKER_TAG);
        }
    }
}
