package dev.rainmaker.droplet.service.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.droplet.client.RequestBudget;
import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.CloudFirewall;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.Backoff;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.TransientRetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher on a clock of its own, against a DigitalOcean in memory that spends one budget of 250 calls a minute for
 * every call, the watcher's and a steady stream of creates beside it: 1,000 droplets in flight, turning active one
 * every 30 ms from 30 s on, each reported as soon as the watcher answers its wait.
 */
class FleetWatcherPacingTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int DROPLETS = 1000;
    private static final Duration STEP = Duration.ofMillis(50);

    private final ListingPaceTests.ManualClock clock = new ListingPaceTests.ManualClock(T0);
    private final RequestBudget budget = new RequestBudget(250, 100_000, clock);
    private final TimedFleet fleet = new TimedFleet();
    private volatile boolean started;
    private FleetWatcher watcher;

    @AfterEach
    void stopWatcher() {
        if (watcher != null) {
            watcher.stop();
        }
    }

    @Test
    void withAThousandDropletsInFlightListingsNeverSpendTheMinuteCreatesGetTheirCallsAndNoneWaitsLongToBeReported()
            throws Exception {
        // The demo's settings: list what boots every 500 ms, every second while droplets turn active.
        watcher = new FleetWatcher(
                fleet,
                new DuplicateReaper(fleet, new SimpleMeterRegistry()),
                new WatchTiming(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(200)),
                new TransientRetry(6, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2))),
                new ListingPace(0.5, 250),
                clock,
                this::advanceWhileWaiting);

        List<Future<RemoteDroplet>> waits = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RemoteDroplet droplet : fleet.inFlight()) {
                waits.add(threads.submit(() -> {
                    RemoteDroplet active = watcher.awaitActive(droplet, Duration.ofMinutes(10), Duration.ofMinutes(1));
                    watcher.reported(active.id());
                    return active;
                }));
            }
            Thread.sleep(200);
            started = true;
            for (Future<RemoteDroplet> wait : waits) {
                assertThat(wait.get(60, TimeUnit.SECONDS).status()).isEqualTo("active");
            }
        }

        assertThat(fleet.refusedListingPages)
                .as("listing pages that found the minute's budget spent")
                .isZero();
        assertThat(fleet.refusedCreates)
                .as("creates that found the minute's budget spent")
                .isZero();
        assertThat(fleet.creates)
                .as("a create every 600 ms until the last droplet was seen active")
                .isGreaterThan(90);
        assertThat(fleet.mostWatcherCallsInAMinute)
                .as("the watcher's calls in any minute: at most half of 250, and the listing that starts it")
                .isLessThanOrEqualTo(125 + 5);
        Duration slowest = fleet.seenActive.entrySet().stream()
                .map(e -> Duration.between(fleet.activeAt(e.getKey()), e.getValue()))
                .max(Duration::compareTo)
                .orElseThrow();
        assertThat(fleet.seenActive).hasSize(DROPLETS);
        assertThat(slowest)
                .as("longest a droplet was active before a listing showed it (a 5-page listing is 2.44 s apart)")
                .isLessThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(fleet.untagCalls)
                .as("untag calls: only those that shorten the next listing by a page, then the rest")
                .isLessThanOrEqualTo(12);
    }

    /** The watcher's waits: the clock moves on a step at a time, and a create is sent every 600 ms meanwhile. */
    private void advanceWhileWaiting(java.util.concurrent.locks.Condition condition, Duration timeout)
            throws InterruptedException {
        if (started) {
            clock.advance(timeout.compareTo(STEP) < 0 ? timeout : STEP);
            fleet.createsDue();
        }
        condition.await(1, TimeUnit.MILLISECONDS);
    }

    /** 1,000 droplets tagged in flight, droplet i active from 30 s + i × 30 ms; every call spends the budget. */
    private final class TimedFleet implements DigitalOceanApi {

        private final Map<Long, RemoteDroplet> droplets = new LinkedHashMap<>();
        private final Deque<Instant> watcherCalls = new ArrayDeque<>();
        final Map<Long, Instant> seenActive = new LinkedHashMap<>();
        int refusedListingPages;
        int refusedCreates;
        int creates;
        int untagCalls;
        int mostWatcherCallsInAMinute;
        private Instant nextCreate = T0;

        TimedFleet() {
            for (long id = 0; id < DROPLETS; id++) {
                droplets.put(
                        id,
                        new RemoteDroplet(
                                id,
                                "rm-" + id,
                                "new",
                                Optional.empty(),
                                "fra1",
                                "debian-12-x64",
                                "s-1vcpu-1gb",
                                List.of(DropletNames.RAINMAKER_TAG, DropletNames.BOOTING_TAG)));
            }
        }

        synchronized List<RemoteDroplet> inFlight() {
            return List.copyOf(droplets.values());
        }

        Instant activeAt(long id) {
            return T0.plusSeconds(30).plusMillis(30 * id);
        }

        synchronized void createsDue() {
            while (!clock.instant().isBefore(nextCreate) && seenActive.size() < DROPLETS) {
                if (!budget.tryAcquire().isZero()) {
                    refusedCreates++;
                }
                creates++;
                nextCreate = nextCreate.plusMillis(600);
            }
        }

        private void watcherCall() {
            Instant now = clock.instant();
            watcherCalls.addLast(now);
            while (!watcherCalls.peekFirst().isAfter(now.minusSeconds(61))) {
                watcherCalls.removeFirst();
            }
            mostWatcherCallsInAMinute = Math.max(mostWatcherCallsInAMinute, watcherCalls.size());
        }

        @Override
        public synchronized List<RemoteDroplet> dropletsTagged(String tag) {
            Instant now = clock.instant();
            List<RemoteDroplet> listed = new ArrayList<>();
            for (RemoteDroplet droplet : droplets.values()) {
                if (!droplet.tags().contains(tag)) {
                    continue;
                }
                if (!now.isBefore(activeAt(droplet.id()))) {
                    seenActive.putIfAbsent(droplet.id(), now);
                    droplet = new RemoteDroplet(
                            droplet.id(),
                            droplet.name(),
                            "active",
                            Optional.of("127.10.0." + (droplet.id() % 250 + 1)),
                            droplet.region(),
                            droplet.image(),
                            droplet.size(),
                            droplet.tags());
                }
                listed.add(droplet);
            }
            for (int page = 0; page < Math.max(1, (listed.size() + 199) / 200); page++) {
                if (!budget.tryAcquire().isZero()) {
                    refusedListingPages++;
                }
                watcherCall();
            }
            return listed;
        }

        @Override
        public synchronized void untag(String tag, List<Long> dropletIds) {
            if (!budget.tryAcquire().isZero()) {
                refusedListingPages++;
            }
            watcherCall();
            untagCalls++;
            for (long id : dropletIds) {
                RemoteDroplet d = droplets.get(id);
                droplets.put(
                        id,
                        new RemoteDroplet(
                                d.id(),
                                d.name(),
                                d.status(),
                                d.publicIpv4(),
                                d.region(),
                                d.image(),
                                d.size(),
                                d.tags().stream().filter(t -> !t.equals(tag)).toList()));
            }
        }

        @Override
        public void checkAccount() {
            throw new UnsupportedOperationException("the watcher does not check the account");
        }

        @Override
        public List<CatalogueSize> sizes() {
            throw new UnsupportedOperationException("the watcher does not read the catalogue");
        }

        @Override
        public List<CatalogueRegion> regions() {
            throw new UnsupportedOperationException("the watcher does not read the catalogue");
        }

        @Override
        public Set<String> distributionImages() {
            throw new UnsupportedOperationException("the watcher does not read the catalogue");
        }

        @Override
        public List<RemoteDroplet> dropletsNamed(String name) {
            throw new UnsupportedOperationException("no lookups in this test");
        }

        @Override
        public List<RemoteDroplet> createAll(DropletBatch batch) {
            throw new UnsupportedOperationException("creates are simulated beside the watcher");
        }

        @Override
        public void destroy(long dropletId) {
            throw new UnsupportedOperationException("the watcher destroys nothing: no duplicates here");
        }

        @Override
        public List<CloudFirewall> firewalls() {
            throw new UnsupportedOperationException("the watcher does not read firewalls");
        }

        @Override
        public void createTag(String name) {
            throw new UnsupportedOperationException("the watcher makes no tags");
        }

        @Override
        public CloudFirewall createFirewall(String name, String dropletTag) {
            throw new UnsupportedOperationException("the watcher makes no firewalls");
        }

        @Override
        public void deleteFirewall(String firewallId) {
            throw new UnsupportedOperationException("the watcher deletes no firewalls");
        }
    }
}
