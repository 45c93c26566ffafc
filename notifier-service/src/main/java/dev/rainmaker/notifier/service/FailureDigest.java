package dev.rainmaker.notifier.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.notifier.config.NotifierConfig;
import dev.rainmaker.notifier.domain.FailureLine;
import org.jboss.logging.Logger;

/**
 * Batches failed provisionings into digests for ops: the first failure opens a window, everything arriving before it
 * closes goes into one email, and the next failure opens a new window. Each failure's {@code onMailed} runs only after
 * the digest holding it was sent; a digest that cannot be sent is tried again one window later, with whatever arrived
 * meanwhile. Failures not yet mailed when the process stops are simply not confirmed, so they come again.
 */
@ApplicationScoped
public class FailureDigest {

    private static final Logger LOG = Logger.getLogger(FailureDigest.class);

    private record Pending(ProvisioningFailed failure, Runnable onMailed) {}

    private final DigestSender sender;
    private final Duration window;
    private final ScheduledExecutorService scheduler;
    private final List<Pending> pending = new ArrayList<>();
    private boolean windowOpen;

    @Inject
    FailureDigest(DigestSender sender, NotifierConfig config) {
        this(sender, config.failureDigestWindow());
    }

    public FailureDigest(DigestSender sender, Duration window) {
        this.sender = sender;
        this.window = window;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("failure-digest").daemon().factory());
    }

    /** Adds a failure to the open window (opening one if none is); {@code onMailed} runs once its digest is sent. */
    public synchronized void add(ProvisioningFailed failure, Runnable onMailed) {
        pending.add(new Pending(failure, onMailed));
        openWindow();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void openWindow() {
        if (!windowOpen) {
            windowOpen = true;
            scheduler.schedule(this::send, window.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send() {
        List<Pending> digest;
        synchronized (this) {
            digest = List.copyOf(pending);
            pending.clear();
            windowOpen = false;
        }
        try {
            sender.send(digest.stream().map(p -> line(p.failure())).toList());
            LOG.infof("Sent ops a digest of %d failed provisioning(s)", digest.size());
            digest.forEach(p -> p.onMailed().run());
        } catch (RuntimeException e) {
            LOG.errorf(
                    "Could not send ops the digest of %d failed provisioning(s), trying again in %s: %s",
                    digest.size(), window, e.getMessage());
            synchronized (this) {
                pending.addAll(0, digest);
                openWindow();
            }
        }
    }

    static FailureLine line(ProvisioningFailed failure) {
        return new FailureLine(
                failure.customerId(),
                failure.stage() == null ? "unknown stage" : failure.stage().words(),
                failure.reason(),
                failure.attempts(),
                failure.dropletId() == null ? "none" : String.valueOf(failure.dropletId()),
                String.valueOf(failure.failedAt()));
    }
}
