package dev.rainmaker.droplet.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.client.DigitalOceanApi;
import dev.rainmaker.droplet.client.DigitalOceanException;
import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import org.jboss.logging.Logger;

/**
 * The one watcher of this instance: lists the droplets tagged {@code rainmaker} (200 a page) and answers from each
 * listing every lookup and every wait for a booting droplet at once, instead of one call per droplet. It lists only
 * while someone waits: every {@code lookupInterval} while a lookup waits, else every {@code pollInterval}.
 */
@ApplicationScoped
public class FleetWatcher {

    private static final Logger LOG = Logger.getLogger(FleetWatcher.class);

    private final DigitalOceanApi digitalOcean;
    private final Timing timing;
    private final TransientRetry retry;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Lookup> lookups = new ArrayList<>();
    private final Map<Long, BootWait> boots = new ConcurrentHashMap<>();
    private Instant lastListing = Instant.MIN;
    private int failedListings;
    private Thread loop;

    /** How often to list while a lookup waits, and while only booting droplets are waited for. */
    public record Timing(Duration lookupInterval, Duration pollInterval) {}

    @Inject
    FleetWatcher(DigitalOceanApi digitalOcean, DropletConfig config, TransientRetry retry) {
        this(digitalOcean, new Timing(config.batch().lookupInterval(), config.pollInterval()), retry);
    }

    public FleetWatcher(DigitalOceanApi digitalOcean, Timing timing, TransientRetry retry) {
        this.digitalOcean = digitalOcean;
        this.timing = timing;
        this.retry = retry;
    }

    /** The oldest droplet named {@code name}, as a listing started after this call shows it. */
    public Optional<RemoteDroplet> lookup(String name) {
        Lookup lookup = new Lookup(Set.of(name), new CompletableFuture<>());
        register(() -> lookups.add(lookup));
        return Optional.ofNullable(await(lookup.answer()).get(name));
    }

    /**
     * Blocks until the droplet is active with a public IPv4. Fails for good when that takes longer than {@code budget},
     * or when the droplet is missing from the listings for longer than {@code notFoundGrace} (DigitalOcean may not list
     * a droplet right after creating it).
     */
    public RemoteDroplet awaitActive(RemoteDroplet droplet, Duration budget, Duration notFoundGrace) {
        if (droplet.activeWithAddress()) {
            return droplet;
        }
        Instant now = clock.instant();
        BootWait boot = new BootWait(droplet, now, budget, notFoundGrace);
        register(() -> boots.put(droplet.id(), boot));
        try {
            return await(boot.answer());
        } finally {
            boots.remove(droplet.id(), boot);
        }
    }

    @PreDestroy
    void stop() {
        lock.lock();
        try {
            if (loop != null) {
                loop.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    private void register(Runnable addWaiter) {
        lock.lock();
        try {
            addWaiter.run();
            if (loop == null) {
                loop = Thread.ofVirtual().name("droplet-watcher").start(this::watch);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<Lookup> answering = awaitNextListing();
                listAndAnswer(answering);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until someone waits and the interval since the last listing has passed; takes the waiting lookups. */
    private List<Lookup> awaitNextListing() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (lookups.isEmpty() && boots.isEmpty()) {
                    changed.await();
                    continue;
                }
                Duration interval = failedListings > 0
                        ? retry.backoff().delayBefore(failedListings)
                        : lookups.isEmpty() ? timing.pollInterval() : timing.lookupInterval();
                Duration wait = Duration.between(clock.instant(), lastListing.plus(interval));
                if (wait.isPositive() && !lastListing.equals(Instant.MIN)) {
                    changed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
                    continue;
                }
                List<Lookup> taken = new ArrayList<>(lookups);
                lookups.clear();
                lastListing = clock.instant();
                return taken;
            }
        } finally {
            lock.unlock();
        }
    }

    private void listAndAnswer(List<Lookup> answering) {
        List<RemoteDroplet> listed;
        try {
            listed = digitalOcean.dropletsTagged(DropletNames.RAINMAKER_TAG);
        } catch (DigitalOceanException e) {
            listingFailed(answering, e);
            return;
        } catch (RuntimeException e) {
            listingFailed(answering, new DigitalOceanException(e.toString(), 0, true, e));
            return;
        }
        failedListings = 0;
        Map<String, RemoteDroplet> oldestByName = new HashMap<>();
        Map<Long, RemoteDroplet> byId = new HashMap<>();
        for (RemoteDroplet droplet : listed) {
            byId.put(droplet.id(), droplet);
            oldestByName.merge(droplet.name(), droplet, (a, b) -> a.id() <= b.id() ? a : b);
        }
        warnAboutDuplicates(listed, answering);
        for (Lookup lookup : answering) {
            Map<String, RemoteDroplet> found = new HashMap<>();
            lookup.names()
                    .forEach(name -> Optional.ofNullable(oldestByName.get(name)).ifPresent(d -> found.put(name, d)));
            lookup.answer().complete(found);
        }
        Instant now = clock.instant();
        for (BootWait boot : boots.values()) {
            boot.listed(Optional.ofNullable(byId.get(boot.droplet().id())), now);
        }
    }

    private void listingFailed(List<Lookup> answering, DigitalOceanException e) {
        Instant now = clock.instant();
        if (!e.isTransient()) {
            PermanentFailure failure =
                    new PermanentFailure("listing droplets tagged rainmaker failed: " + e.getMessage(), e);
            answering.forEach(lookup -> lookup.answer().completeExceptionally(failure));
            boots.values().forEach(boot -> boot.answer().completeExceptionally(failure));
            return;
        }
        failedListings++;
        LOG.warnf("Listing droplets failed (%d in a row), will list again: %s", failedListings, e.getMessage());
        List<Lookup> retrying = new ArrayList<>();
        for (Lookup lookup : answering) {
            if (++lookup.failures >= retry.maxAttempts()) {
                lookup.answer()
                        .completeExceptionally(new TransientFailuresExhausted(
                                "looking up droplets " + lookup.names() + " still failing after " + lookup.failures
                                        + " listings: " + e.getMessage(),
                                e));
            } else {
                retrying.add(lookup);
            }
        }
        boots.values().forEach(boot -> boot.checkDeadline(now));
        lock.lock();
        try {
            lookups.addAll(retrying);
        } finally {
            lock.unlock();
        }
    }

    private static void warnAboutDuplicates(List<RemoteDroplet> listed, List<Lookup> answering) {
        Set<String> asked = new HashSet<>();
        answering.forEach(lookup -> asked.addAll(lookup.names()));
        Map<String, List<Long>> idsByName = new HashMap<>();
        listed.stream()
                .filter(d -> asked.contains(d.name()))
                .sorted(Comparator.comparingLong(RemoteDroplet::id))
                .forEach(d -> idsByName
                        .computeIfAbsent(d.name(), n -> new ArrayList<>())
                        .add(d.id()));
        idsByName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                LOG.warnf("%d droplets are named %s (ids %s); using the oldest", ids.size(), name, ids);
            }
        });
    }

    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static final class Lookup {
        private final Set<String> names;
        private final CompletableFuture<Map<String, RemoteDroplet>> answer;
        int failures;

        Lookup(Set<String> names, CompletableFuture<Map<String, RemoteDroplet>> answer) {
            this.names = names;
            this.answer = answer;
        }

        Set<String> names() {
            return names;
        }

        CompletableFuture<Map<String, RemoteDroplet>> answer() {
            return answer;
        }
    }
}
