package dev.rainmaker.hostaccess.ssh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Logins to droplets, in Prometheus {@code rainmaker_ssh_logins_total} and the attempts that failed,
 * {@code rainmaker_ssh_connect_failures_total{reason}}: {@code not-yet} (what a booting host does: tried again),
 * {@code unreachable} (the retry budget spent), {@code login-refused}, {@code host-key-mismatch}. Never a host label.
 */
final class SshMetrics {

    static final String LOGINS = "rainmaker.ssh.logins";
    static final String FAILURES = "rainmaker.ssh.connect-failures";

    private final MeterRegistry registry;

    SshMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void loggedIn() {
        Counter.builder(LOGINS)
                .description("Logins to droplets as root that succeeded")
                .register(registry)
                .increment();
    }

    void failed(String reason) {
        Counter.builder(FAILURES)
                .description("Attempts to log in to a droplet that failed, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
