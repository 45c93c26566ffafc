package dev.rainmaker.droplet.service.teardown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.droplet.service.TransientRetry;
import org.jboss.logging.Logger;

/**
 * After a request failed for good once its droplet exists: destroys the droplet (unless
 * {@code rainmaker.droplet.keep-failed-droplets=true}), so failed customers do not leave servers billing in the night,
 * and says in the failure what became of it.
 */
@ApplicationScoped
public class DropletDestroyer {

    private static final Logger LOG = Logger.getLogger(DropletDestroyer.class);

    private final DigitalOceanApi digitalOcean;
    private final TransientRetry retry;
    private final boolean destroyFailedDroplets;

    @Inject
    DropletDestroyer(DigitalOceanApi digitalOcean, TransientRetry retry, DropletConfig config) {
        this(digitalOcean, retry, !config.keepFailedDroplets());
    }

    public DropletDestroyer(DigitalOceanApi digitalOcean, TransientRetry retry, boolean destroyFailedDroplets) {
        this.digitalOcean = digitalOcean;
        this.retry = retry;
        this.destroyFailedDroplets = destroyFailedDroplets;
    }

    boolean destroysFailedDroplets() {
        return destroyFailedDroplets;
    }

    /** Destroys the droplet, retrying transient failures; one that is already gone counts as destroyed. */
    void destroy(long dropletId, String why) {
        retry.call("destroying droplet " + dropletId + " " + why, () -> {
            destroy(dropletId);
            return null;
        });
    }

    /** The failure to dead-letter, its message extended with what happened to the droplet. */
    public PermanentFailure afterFailure(RemoteDroplet droplet, PermanentFailure failure) {
        String which = "droplet " + droplet.id() + " (" + droplet.name() + ")";
        if (!destroyFailedDroplets) {
            return new PermanentFailure(
                    failure.getMessage() + "; " + which + " kept (rainmaker.droplet.keep-failed-droplets=true)",
                    failure);
        }
        try {
            retry.call("destroying " + which, () -> {
                destroy(droplet.id());
                return null;
            });
            LOG.warnf("Destroyed %s after: %s", which, failure.getMessage());
            return new PermanentFailure(failure.getMessage() + "; " + which + " destroyed", failure);
        } catch (RuntimeException e) {
            LOG.errorf("%s could not be destroyed and may still be billing: %s", which, e.getMessage());
            return new PermanentFailure(
                    failure.getMessage() + "; " + which + " could NOT be destroyed (" + e.getMessage() + ")", failure);
        }
    }

    private void destroy(long dropletId) {
        try {
            digitalOcean.destroy(dropletId);
        } catch (DigitalOceanException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }
}
