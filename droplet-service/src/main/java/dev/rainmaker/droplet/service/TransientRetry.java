package dev.rainmaker.droplet.service;

import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.config.DropletConfig;
import org.jboss.logging.Logger;

/**
 * Runs a DigitalOcean call that is safe to repeat: transient failures (429, 5xx, no answer) are retried in place with
 * backoff up to the configured attempts; DigitalOcean refusing the call (401, 403, 422, ...) is a permanent failure.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final int maxAttempts;
    private final Backoff backoff;

    @Inject
    TransientRetry(DropletConfig config) {
        this(
                config.retry().maxAttempts(),
                new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()));
    }

    public TransientRetry(int maxAttempts, Backoff backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    public <T> T call(String what, Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (DigitalOceanException e) {
                if (!e.isTransient()) {
                    throw new PermanentFailure(what + " failed: " + e.getMessage(), e);
                }
                if (attempt >= maxAttempts) {
                    throw new TransientFailuresExhausted(
                            what + " still failing after " + attempt + " attempts: " + e.getMessage(), e, attempt);
                }
                LOG.warnf("%s failed (attempt %d of %d), retrying: %s", what, attempt, maxAttempts, e.getMessage());
                Backoff.sleep(backoff.delayBefore(attempt));
            }
        }
    }

    public Backoff backoff() {
        return backoff;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
