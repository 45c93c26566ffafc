package dev.rainmaker.droplet.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What DigitalOcean last said about the token: refused (401/403, every sign-up would fail) until a call succeeds
 * again. Readiness reads it, so a rejected token turns the service DOWN without spending calls on probes.
 */
@ApplicationScoped
public class TokenStatus {

    private final Clock clock = Clock.systemUTC();
    private volatile String refusal;
    private volatile Instant lastAccepted = Instant.MIN;

    void accepted() {
        refusal = null;
        lastAccepted = clock.instant();
    }

    void refused(String reason) {
        refusal = reason;
    }

    /** Why DigitalOcean refused the token on the last call that said anything about it. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Whether DigitalOcean accepted the token within {@code recently}. */
    public boolean acceptedWithin(Duration recently) {
        return refusal == null && lastAccepted.isAfter(clock.instant().minus(recently));
    }
}
