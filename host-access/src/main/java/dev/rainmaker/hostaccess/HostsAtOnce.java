package dev.rainmaker.hostaccess;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.hostaccess.config.SshConfig;

/**
 * How many hosts this instance works on at once. Every host in flight holds SSH sessions and their buffers, so an
 * unbounded burst grows the heap with the burst (1,000 hosts at once thrashed a 128 MiB heap); the rest wait their
 * turn in arrival order, and more instances take more at once.
 */
@ApplicationScoped
public class HostsAtOnce {

    private final Semaphore permits;

    @Inject
    HostsAtOnce(SshConfig config) {
        this(config.maxHostsAtOnce());
    }

    public HostsAtOnce(int maxHostsAtOnce) {
        if (maxHostsAtOnce < 1) {
            throw new IllegalArgumentException(
                    "rainmaker.ssh.max-hosts-at-once must be at least 1, not " + maxHostsAtOnce);
        }
        this.permits = new Semaphore(maxHostsAtOnce, true);
    }

    /** Runs {@code work} once a host's turn has come. */
    public <T> T call(Supplier<T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to work on a host", e);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
