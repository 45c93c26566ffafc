package dev.rainmaker.droplet.service;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.client.DigitalOceanApi;
import dev.rainmaker.droplet.client.DigitalOceanException;
import dev.rainmaker.droplet.domain.CloudFirewall;
import org.jboss.logging.Logger;

/**
 * Makes sure DigitalOcean's cloud firewall {@code rainmaker} (22/80/443 in from anywhere, all out) exists for droplets
 * tagged {@code rainmaker}, before the first droplet is created: found by name, created only when absent, once per
 * instance. A create whose answer was lost is found by the next lookup instead of being sent twice.
 */
@ApplicationScoped
public class FirewallGuard {

    static final String NAME = "rainmaker";
    private static final Logger LOG = Logger.getLogger(FirewallGuard.class);

    private final DigitalOceanApi digitalOcean;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean ensured;

    public FirewallGuard(DigitalOceanApi digitalOcean) {
        this.digitalOcean = digitalOcean;
    }

    /** Returns once the firewall exists; a failure is DigitalOcean's ({@code DigitalOceanException}). */
    public void ensure() {
        if (ensured) {
            return;
        }
        lock.lock();
        try {
            if (ensured) {
                return;
            }
            List<CloudFirewall> named = digitalOcean.firewalls().stream()
                    .filter(firewall -> NAME.equals(firewall.name()))
                    .sorted(Comparator.comparing(CloudFirewall::createdAt))
                    .toList();
            if (named.isEmpty()) {
                create();
            } else {
                CloudFirewall firewall = named.getFirst();
                if (named.size() > 1) {
                    LOG.warnf("%d cloud firewalls are named %s; remove all but %s", named.size(), NAME, firewall.id());
                }
                if (!firewall.tags().contains(DropletNames.RAINMAKER_TAG)) {
                    LOG.errorf(
                            "Cloud firewall %s (%s) does not apply to tag %s: droplets are only protected by their"
                                    + " own firewall",
                            NAME, firewall.id(), DropletNames.RAINMAKER_TAG);
                }
            }
            ensured = true;
        } finally {
            lock.unlock();
        }
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
}
