package dev.rainmaker.droplet.service.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.TransientRetry;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.AnswerLookups;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.ListBooting;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.Step;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.Waiting;
import org.jboss.logging.Logger;

/**
 * The one watcher of this instance: answers lookups by name and waits for booting droplets from listings shared by all
 * of them, on one virtual thread. When to list, what, and which reported droplets to untag is its
 * {@link FleetWatchPlan}'s to say; this class holds the waits, runs the loop and makes the calls. Every listing is
 * handed to the {@link DuplicateReaper}.
 */
@ApplicationScoped
public class FleetWatcher {

    private static final Logger LOG = Logger.getLogger(FleetWatcher.class);

    private final DigitalOceanApi digitalOcean;
    private final DuplicateReaper reaper;
    private final TransientRetry retry;
    private final Clock clock;
    private final LoopWaits waits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final BootWaits boots = new BootWaits();
    /** Under the lock, as the two below. */
    private final FleetWatchPlan plan;

    private final WaitingLookups lookups = new WaitingLookups();
    private Thread loop;

    @Inject
    FleetWatcher(DigitalOceanApi digitalOcean, DuplicateReaper reaper, DropletConfig config, TransientRetry retry) {
        this(digitalOcean, reaper, WatchTiming.of(config), retry, ListingPace.of(config));
    }

    public FleetWatcher(
            DigitalOceanApi digitalOcean,
            DuplicateReaper reaper,
            WatchTiming timing,
            TransientRetry retry,
            ListingPace pace) {
        this(digitalOcean, reaper, timing, retry, pace, Clock.systemUTC(), LoopWaits.REAL);
    }

    FleetWatcher(
            DigitalOceanApi digitalOcean,
            DuplicateReaper reaper,
            WatchTiming timing,
            TransientRetry retry,
            ListingPace pace,
            Clock clock,
            LoopWaits waits) {
        this.digitalOcean = digitalOcean;
        this.reaper = reaper;
        this.retry = retry;
        this.clock = clock;
        this.waits = waits;
        this.plan = new FleetWatchPlan(timing, pace, retry.backoff()::delayBefore);
    }

    /** The oldest droplet tagged {@code rainmaker} named {@code name}, as DigitalOcean lists it after this call. */
    public Optional<RemoteDroplet> lookup(String name) {
        Lookup lookup = new Lookup(name);
        register(() -> queue(List.of(lookup)));
        return lookup.answer().await();
    }

    /**
     * Blocks until the droplet is active with a public IPv4. Fails for good when that takes longer than {@code budget},
     * or with {@link DropletGone} when the droplet is missing from the listings of booting droplets for longer than
     * {@code notFoundGrace} (DigitalOcean may not list a droplet right after creating it; another instance may have
     * reported it and taken its tag off).
     */
    public RemoteDroplet awaitActive(RemoteDroplet droplet, Duration budget, Duration notFoundGrace) {
        return awaitActive(droplet, clock.instant().plus(budget), budget, notFoundGrace);
    }

    /** As {@link #awaitActive(RemoteDroplet, Duration, Duration)}, with a budget that started before, at {@code deadline}. */
    public RemoteDroplet awaitActive(RemoteDroplet droplet, Instant deadline, Duration budget, Duration notFoundGrace) {
        RemoteDroplet active = droplet;
        if (!droplet.activeWithAddress()) {
            BootWait boot = new BootWait(droplet, clock.instant(), deadline, budget, notFoundGrace);
            register(() -> boots.add(boot));
            try {
                active = boot.answer().await();
            } finally {
                boots.remove(boot);
            }
        }
        boots.seenActive(active);
        return active;
    }

    /** The droplet was reported active: it is no longer in flight, and loses its tag at a later tick. */
    public void reported(long dropletId) {
        if (boots.reported(dropletId)) {
            register(() -> plan.reported(dropletId, clock.instant()));
        }
    }

    @PreDestroy
    void stop() {
        locked(() -> {
            if (loop != null) {
                loop.interrupt();
            }
        });
    }

    /** Under the lock. */
    private void queue(List<Lookup> added) {
        if (lookups.add(added)) {
            plan.lookupsArrived(clock.instant());
        }
    }

    private void register(Runnable addWork) {
        locked(() -> {
            addWork.run();
            if (loop == null) {
                loop = Thread.ofVirtual().name("droplet-watcher").start(this::watch);
            }
            changed.signalAll();
        });
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Due due = awaitDue();
                if (due.step() instanceof AnswerLookups answer) {
                    answerLookups(due.lookups(), answer);
                } else if (due.step() instanceof ListBooting listing) {
                    untag(listing.untag());
                    if (!boots.isEmpty()) {
                        listBooting(listing.pages());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A step the plan says is due now, with the lookups it answers. */
    private record Due(Step step, List<Lookup> lookups) {}

    private Due awaitDue() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Instant now = clock.instant();
                switch (plan.next(now, new Waiting(lookups.names(), boots.size(), boots.activeUnreported()))) {
                    case FleetWatchPlan.Idle idle -> changed.await();
                    case FleetWatchPlan.WaitUntil wait -> waits.await(changed, Duration.between(now, wait.at()));
                    case AnswerLookups answer -> {
                        plan.started(answer, now);
                        return new Due(answer, lookups.takeAll());
                    }
                    case ListBooting listing -> {
                        plan.started(listing, now);
                        return new Due(listing, List.of());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Answers the lookups; a listing of the fleet answers the booting droplets too. */
    private void answerLookups(List<Lookup> answering, AnswerLookups step) {
        Set<String> names = answering.stream().map(Lookup::name).collect(Collectors.toSet());
        Map<String, RemoteDroplet> found = new HashMap<>();
        Instant start = clock.instant();
        try {
            if (step.listFleet()) {
                List<RemoteDroplet> fleet = reaper.reap(digitalOcean.dropletsTagged(DropletNames.RAINMAKER_TAG));
                fleet.forEach(d -> found.put(d.name(), d));
                answerBoots(fleet);
                locked(() -> plan.fleetListed(start, step.pages(), fleet.size(), clock.instant()));
            } else {
                for (String name : names) {
                    reaper.reap(digitalOcean.dropletsNamed(name).stream()
                                    .filter(d -> d.tags().contains(DropletNames.RAINMAKER_TAG))
                                    .toList())
                            .forEach(d -> found.put(d.name(), d));
                }
                locked(() -> plan.namesLookedUp(start, names.size()));
            }
        } catch (RuntimeException e) {
            lookupsFailed(answering, start, step.pages(), DigitalOceanException.of(e));
            return;
        }
        answering.forEach(lookup -> lookup.answer().give(Optional.ofNullable(found.get(lookup.name()))));
    }

    private void listBooting(int expectedPages) {
        List<RemoteDroplet> booting;
        Instant start = clock.instant();
        try {
            booting = reaper.reap(digitalOcean.dropletsTagged(DropletNames.BOOTING_TAG));
        } catch (RuntimeException e) {
            bootListingFailed(start, expectedPages, DigitalOceanException.of(e));
            return;
        }
        locked(() -> plan.bootingListed(start, expectedPages, booting.size()));
        answerBoots(booting);
    }

    private void answerBoots(List<RemoteDroplet> listed) {
        boolean sawActive = boots.listed(listed, clock.instant());
        locked(() -> plan.sawActive(sawActive));
    }

    /** Takes the in-flight tag off reported droplets, 200 a call; what fails transiently is tried at the next tick. */
    private void untag(List<Long> dropletIds) {
        for (int from = 0; from < dropletIds.size(); from += FleetWatchPlan.PAGE) {
            List<Long> chunk = dropletIds.subList(from, Math.min(dropletIds.size(), from + FleetWatchPlan.PAGE));
            try {
                digitalOcean.untag(DropletNames.BOOTING_TAG, chunk);
                locked(() -> plan.untagged(chunk.size()));
            } catch (RuntimeException e) {
                DigitalOceanException failure = DigitalOceanException.of(e);
                if (failure.isTransient()) {
                    LOG.warnf(
                            "Taking tag %s off %d droplets failed, will try again: %s",
                            DropletNames.BOOTING_TAG, chunk.size(), failure.getMessage());
                    locked(() -> plan.untagFailed(chunk));
                } else {
                    LOG.warnf(
                            "DigitalOcean refused to take tag %s off droplets %s; they stay in the listings of"
                                    + " booting droplets: %s",
                            DropletNames.BOOTING_TAG, chunk, failure.getMessage());
                }
            }
        }
    }

    private void lookupsFailed(List<Lookup> answering, Instant start, int expectedPages, DigitalOceanException e) {
        List<Lookup> retrying = Lookup.listingFailed(answering, e, retry.maxAttempts());
        locked(() -> {
            int failedListings = plan.listingFailed(start, expectedPages, e.isTransient());
            if (e.isTransient()) {
                LOG.warnf(
                        "Looking up droplets failed (%d in a row), will try again: %s", failedListings, e.getMessage());
            }
            queue(retrying);
        });
    }

    private void bootListingFailed(Instant start, int expectedPages, DigitalOceanException e) {
        locked(() -> {
            int failedListings = plan.listingFailed(start, expectedPages, e.isTransient());
            if (e.isTransient()) {
                LOG.warnf(
                        "Listing booting droplets failed (%d in a row), will list again: %s",
                        failedListings, e.getMessage());
            }
        });
        boots.listingFailed(e, clock.instant());
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
