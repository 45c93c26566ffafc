package dev.rainmaker.droplet.service.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.droplet.service.TransientFailuresExhausted;
import dev.rainmaker.droplet.service.TransientRetry;
import org.jboss.logging.Logger;

/**
 * The one watcher of this instance. It watches only droplets in flight: every create carries the tag
 * {@code rainmaker-booting}, and one listing of that tag (200 a page) every {@code pollInterval} answers every wait for
 * a booting droplet at once. Once a droplet was reported active ({@link #reported}), a later tick takes the tag off
 * all such droplets in one call (200 a call), before it lists, so the listing holds only what still boots.
 *
 * <p>Lookups by name (before a create, after a create with an unknown outcome, on redelivery) must also find droplets
 * no longer in flight. The lookups waiting at a tick (every {@code lookupInterval}) are answered by whichever costs
 * fewer calls: one {@code GET /v2/droplets?name=} each, or one listing of the whole fleet (tag {@code rainmaker}),
 * whose size is estimated from the last such listing plus what boots now (unknown at first: the fleet is listed). A
 * fleet listing also answers the waits for booting droplets.
 *
 * <p>While droplets are turning active (the last listing of booting droplets found one), the next one follows after
 * {@code lookupInterval} instead of {@code pollInterval}: droplets created together become active together. Every
 * listing is handed to the {@link DuplicateReaper}.
 *
 * <p>Those intervals are the shortest; listings are also spaced by the {@link ListingPace}, so that with many droplets
 * in flight (a page per 200) they never spend the minute's request budget and make creates and themselves wait.
 * Reported droplets lose their in-flight tag only when that makes the next listing shorter by a page, fills a call, or,
 * with nothing else in flight, once reports stopped coming: until then, untagging them would cost a call and save none.
 */
@ApplicationScoped
public class FleetWatcher {

    private static final Logger LOG = Logger.getLogger(FleetWatcher.class);
    private static final int PAGE = 200;

    private final DigitalOceanApi digitalOcean;
    private final DuplicateReaper reaper;
    private final Timing timing;
    private final TransientRetry retry;
    private final ListingPace pace;
    private final Clock clock;
    private final Waits waits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Lookup> lookups = new ArrayList<>();
    private final Map<Long, BootWait> boots = new ConcurrentHashMap<>();
    private final Set<Long> activeAndStillTagged = ConcurrentHashMap.newKeySet();
    private final Set<Long> toUntag = new LinkedHashSet<>();
    private Instant lastLookupTick = Instant.MIN;
    private Instant firstLookupSince = Instant.MIN;
    private Instant lastBootTick = Instant.MIN;
    private Instant lastReported = Instant.MIN;
    private boolean turningActive;
    private int failedListings;
    private int lastFleetSize = -1;
    private int lastBootingSize;
    private int untaggedSinceListing;
    private Thread loop;

    /**
     * How often to list while a lookup waits (and while droplets turn active), and while droplets only boot; how long
     * the first lookup after a quiet spell waits for others (a burst's lookups arrive within moments of each other).
     */
    public record Timing(Duration lookupInterval, Duration pollInterval, Duration lookupGather) {}

    /** How the loop waits until its next tick; tests run it on a clock of their own. */
    interface Waits {

        Waits REAL = (condition, timeout) -> condition.await(timeout.toNanos(), TimeUnit.NANOSECONDS);

        /** Waits on {@code condition} (whose lock is held) until signalled or {@code timeout} has passed. */
        void await(Condition condition, Duration timeout) throws InterruptedException;
    }

    @Inject
    FleetWatcher(DigitalOceanApi digitalOcean, DuplicateReaper reaper, DropletConfig config, TransientRetry retry) {
        this(
                digitalOcean,
                reaper,
                new Timing(
                        config.batch().lookupInterval(),
                        config.pollInterval(),
                        config.batch().window()),
                retry,
                new ListingPace(
                        config.listingShare(),
                        Math.max(
                                1,
                                config.rateLimit().perMinute()
                                        / Math.max(1, config.rateLimit().instances()))));
    }

    public FleetWatcher(
            DigitalOceanApi digitalOcean,
            DuplicateReaper reaper,
            Timing timing,
            TransientRetry retry,
            ListingPace pace) {
        this(digitalOcean, reaper, timing, retry, pace, Clock.systemUTC(), Waits.REAL);
    }

    FleetWatcher(
            DigitalOceanApi digitalOcean,
            DuplicateReaper reaper,
            Timing timing,
            TransientRetry retry,
            ListingPace pace,
            Clock clock,
            Waits waits) {
        this.digitalOcean = digitalOcean;
        this.reaper = reaper;
        this.timing = timing;
        this.retry = retry;
        this.pace = pace;
        this.clock = clock;
        this.waits = waits;
    }

    /** The oldest droplet tagged {@code rainmaker} named {@code name}, as DigitalOcean lists it after this call. */
    public Optional<RemoteDroplet> lookup(String name) {
        Lookup lookup = new Lookup(name, new CompletableFuture<>());
        register(() -> addLookups(List.of(lookup)));
        return await(lookup.answer());
    }

    /**
     * Blocks until the droplet is active with a public IPv4. Fails for good when that takes longer than {@code budget},
     * or with {@link BootWait.DropletGone} when the droplet is missing from the listings of booting droplets for longer
     * than {@code notFoundGrace} (DigitalOcean may not list a droplet right after creating it; another instance may
     * have reported it and taken its tag off).
     */
    public RemoteDroplet awaitActive(RemoteDroplet droplet, Duration budget, Duration notFoundGrace) {
        return awaitActive(droplet, clock.instant().plus(budget), budget, notFoundGrace);
    }

    /** As {@link #awaitActive(RemoteDroplet, Duration, Duration)}, with a budget that started before, at {@code deadline}. */
    public RemoteDroplet awaitActive(RemoteDroplet droplet, Instant deadline, Duration budget, Duration notFoundGrace) {
        RemoteDroplet active = droplet;
        if (!droplet.activeWithAddress()) {
            BootWait boot = new BootWait(droplet, clock.instant(), deadline, budget, notFoundGrace);
            register(() -> boots.put(droplet.id(), boot));
            try {
                active = await(boot.answer());
            } finally {
                boots.remove(droplet.id(), boot);
            }
        }
        if (active.tags().contains(DropletNames.BOOTING_TAG)) {
            activeAndStillTagged.add(active.id());
        }
        return active;
    }

    /** The droplet was reported active: it is no longer in flight, and loses its tag at a later tick. */
    public void reported(long dropletId) {
        if (activeAndStillTagged.remove(dropletId)) {
            register(() -> {
                toUntag.add(dropletId);
                lastReported = clock.instant();
            });
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

    /** Under the lock. */
    private void addLookups(List<Lookup> added) {
        if (lookups.isEmpty() && !added.isEmpty()) {
            firstLookupSince = clock.instant();
        }
        lookups.addAll(added);
    }

    private void register(Runnable addWork) {
        lock.lock();
        try {
            addWork.run();
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
                Tick tick = awaitNextTick();
                if (!tick.lookups().isEmpty()) {
                    answerLookups(tick.lookups(), tick.pages());
                }
                if (tick.boots()) {
                    untag(tick.untag());
                    if (!boots.isEmpty()) {
                        listBooting(tick.pages());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What is due now: the waiting lookups, or whether booting droplets are to be listed (and which to untag); one
     * listing a tick, expected to cost {@code pages} calls.
     */
    private record Tick(List<Lookup> lookups, boolean boots, List<Long> untag, int pages) {}

    private Tick awaitNextTick() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                boolean bootWork = !boots.isEmpty() || !toUntag.isEmpty();
                if (lookups.isEmpty() && !bootWork) {
                    changed.await();
                    continue;
                }
                Instant lookupsDue = Instant.MAX;
                int lookupPages = lookupCost();
                if (!lookups.isEmpty()) {
                    lookupsDue = later(
                            later(
                                    firstLookupSince.plus(timing.lookupGather()),
                                    due(lastLookupTick, timing.lookupInterval())),
                            pace.earliestStart(lookupPages));
                }
                boolean fast = turningActive && !boots.isEmpty();
                List<Long> untag = untagWorthACall();
                int bootPages = pages(inFlightListed() - untag.size());
                Instant bootsDue = bootWork
                        ? due(lastBootTick, fast ? timing.lookupInterval() : timing.pollInterval())
                        : Instant.MAX;
                if (!boots.isEmpty()) {
                    bootsDue = later(bootsDue, pace.earliestStart(bootPages));
                }
                if (!boots.isEmpty() && !lookups.isEmpty() && listsFleet(distinctNames(lookups))) {
                    // the lookups' listing of the fleet answers the boot waits too, and creates wait for it
                    bootsDue = Instant.MAX;
                }
                Instant now = clock.instant();
                Instant next = lookupsDue.isBefore(bootsDue) ? lookupsDue : bootsDue;
                if (now.isBefore(next)) {
                    waits.await(changed, Duration.between(now, next));
                    continue;
                }
                if (!now.isBefore(lookupsDue)) {
                    List<Lookup> dueLookups = List.copyOf(lookups);
                    lookups.clear();
                    lastLookupTick = now;
                    return new Tick(dueLookups, false, List.of(), lookupPages);
                }
                toUntag.removeAll(untag);
                lastBootTick = now;
                return new Tick(List.of(), true, untag, bootPages);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock. The reported droplets to untag at this tick: all of them when they fill a call, when that makes
     * the coming listing a page shorter, or, with nothing else in flight (no listing follows), once reports stopped
     * coming for a poll interval; otherwise none, yet.
     */
    private List<Long> untagWorthACall() {
        int listed = inFlightListed();
        boolean worthIt = toUntag.size() >= PAGE
                || (boots.isEmpty()
                        ? !clock.instant().isBefore(lastReported.plus(timing.pollInterval()))
                        : pages(listed - toUntag.size()) < pages(listed));
        return worthIt ? List.copyOf(toUntag) : List.of();
    }

    /**
     * Under the lock. How many droplets the next listing of booting droplets shows, as far as this instance knows: its
     * own that carry the tag, or the last listing's count (which holds other instances' too) less what was untagged.
     */
    private int inFlightListed() {
        int own = boots.size() + activeAndStillTagged.size() + toUntag.size();
        return Math.max(own, lastBootingSize - untaggedSinceListing);
    }

    /** Under the lock. What answering the waiting lookups costs: one call per name, or the pages of the fleet. */
    private int lookupCost() {
        int names = distinctNames(lookups);
        return listsFleet(names) ? fleetPages() : names;
    }

    /** Whether lookups of {@code names} are answered by one listing of the fleet: it costs fewer calls, or is unknown. */
    private boolean listsFleet(int names) {
        return lastFleetSize < 0 || names > fleetPages();
    }

    /** The fleet's pages, estimated from its last listing and what boots now; one when not listed yet. */
    private int fleetPages() {
        return lastFleetSize < 0 ? 1 : pages(lastFleetSize + lastBootingSize);
    }

    private static int distinctNames(List<Lookup> lookups) {
        return (int) lookups.stream().map(Lookup::name).distinct().count();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Instant due(Instant last, Duration interval) {
        if (last.equals(Instant.MIN)) {
            return Instant.MIN;
        }
        return last.plus(failedListings > 0 ? retry.backoff().delayBefore(failedListings) : interval);
    }

    /** Answers the lookups; a listing of the fleet answers the booting droplets too. */
    private void answerLookups(List<Lookup> answering, int expectedPages) {
        Set<String> names = answering.stream().map(Lookup::name).collect(Collectors.toSet());
        boolean listFleet = listsFleet(names.size());
        Map<String, RemoteDroplet> found = new HashMap<>();
        Instant start = clock.instant();
        int spent = listFleet ? expectedPages : names.size();
        try {
            if (listFleet) {
                List<RemoteDroplet> fleet = reaper.reap(digitalOcean.dropletsTagged(DropletNames.RAINMAKER_TAG));
                spent = pages(fleet.size());
                lastFleetSize = fleet.size();
                fleet.forEach(d -> found.put(d.name(), d));
                answerBoots(fleet);
                lock.lock();
                try {
                    lastBootTick = clock.instant();
                } finally {
                    lock.unlock();
                }
            } else {
                for (String name : names) {
                    reaper.reap(digitalOcean.dropletsNamed(name).stream()
                                    .filter(d -> d.tags().contains(DropletNames.RAINMAKER_TAG))
                                    .toList())
                            .forEach(d -> found.put(d.name(), d));
                }
            }
        } catch (RuntimeException e) {
            lookupsFailed(answering, asDigitalOceanFailure(e));
            return;
        } finally {
            pace.listed(start, expectedPages, spent);
        }
        failedListings = 0;
        answering.forEach(lookup -> lookup.answer().complete(Optional.ofNullable(found.get(lookup.name()))));
    }

    private void listBooting(int expectedPages) {
        List<RemoteDroplet> booting;
        Instant start = clock.instant();
        try {
            booting = reaper.reap(digitalOcean.dropletsTagged(DropletNames.BOOTING_TAG));
        } catch (RuntimeException e) {
            pace.listed(start, expectedPages, expectedPages);
            bootListingFailed(asDigitalOceanFailure(e));
            return;
        }
        pace.listed(start, expectedPages, pages(booting.size()));
        failedListings = 0;
        lock.lock();
        try {
            lastBootingSize = booting.size();
            untaggedSinceListing = 0;
        } finally {
            lock.unlock();
        }
        answerBoots(booting);
    }

    private void answerBoots(List<RemoteDroplet> listed) {
        Map<Long, RemoteDroplet> byId =
                listed.stream().collect(Collectors.toMap(RemoteDroplet::id, Function.identity()));
        Instant now = clock.instant();
        boolean sawActive = false;
        for (BootWait boot : boots.values()) {
            Optional<RemoteDroplet> seen =
                    Optional.ofNullable(byId.get(boot.droplet().id()));
            sawActive |= seen.isPresent() && seen.get().activeWithAddress();
            boot.listed(seen, now);
        }
        lock.lock();
        try {
            turningActive = sawActive;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the in-flight tag off reported droplets, 200 a call; what fails transiently is tried at the next tick. */
    private void untag(List<Long> dropletIds) {
        for (int from = 0; from < dropletIds.size(); from += PAGE) {
            List<Long> chunk = dropletIds.subList(from, Math.min(dropletIds.size(), from + PAGE));
            try {
                digitalOcean.untag(DropletNames.BOOTING_TAG, chunk);
                lock.lock();
                try {
                    untaggedSinceListing += chunk.size();
                } finally {
                    lock.unlock();
                }
            } catch (RuntimeException e) {
                DigitalOceanException failure = asDigitalOceanFailure(e);
                if (failure.isTransient()) {
                    LOG.warnf(
                            "Taking tag %s off %d droplets failed, will try again: %s",
                            DropletNames.BOOTING_TAG, chunk.size(), failure.getMessage());
                    lock.lock();
                    try {
                        toUntag.addAll(chunk);
                    } finally {
                        lock.unlock();
                    }
                } else {
                    LOG.warnf(
                            "DigitalOcean refused to take tag %s off droplets %s; they stay in the listings of"
                                    + " booting droplets: %s",
                            DropletNames.BOOTING_TAG, chunk, failure.getMessage());
                }
            }
        }
    }

    private void lookupsFailed(List<Lookup> answering, DigitalOceanException e) {
        if (!e.isTransient()) {
            PermanentFailure failure = new PermanentFailure("looking up droplets failed: " + e.getMessage(), e);
            answering.forEach(lookup -> lookup.answer().completeExceptionally(failure));
            return;
        }
        failedListings++;
        LOG.warnf("Looking up droplets failed (%d in a row), will try again: %s", failedListings, e.getMessage());
        List<Lookup> retrying = new ArrayList<>();
        for (Lookup lookup : answering) {
            if (++lookup.failures >= retry.maxAttempts()) {
                lookup.answer()
                        .completeExceptionally(new TransientFailuresExhausted(
                                "looking up droplet " + lookup.name() + " still failing after " + lookup.failures
                                        + " attempts: " + e.getMessage(),
                                e));
            } else {
                retrying.add(lookup);
            }
        }
        lock.lock();
        try {
            addLookups(retrying);
        } finally {
            lock.unlock();
        }
    }

    private void bootListingFailed(DigitalOceanException e) {
        if (!e.isTransient()) {
            PermanentFailure failure = new PermanentFailure(
                    "listing droplets tagged " + DropletNames.BOOTING_TAG + " failed: " + e.getMessage(), e);
            boots.values().forEach(boot -> boot.answer().completeExceptionally(failure));
            return;
        }
        failedListings++;
        LOG.warnf("Listing booting droplets failed (%d in a row), will list again: %s", failedListings, e.getMessage());
        Instant now = clock.instant();
        boots.values().forEach(boot -> boot.checkDeadline(now));
    }

    private static DigitalOceanException asDigitalOceanFailure(RuntimeException e) {
        return e instanceof DigitalOceanException failure
                ? failure
                : new DigitalOceanException(e.toString(), 0, true, e);
    }

    private static int pages(int droplets) {
        return Math.max(1, (droplets + PAGE - 1) / PAGE);
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
        private final String name;
        private final CompletableFuture<Optional<RemoteDroplet>> answer;
        int failures;

        Lookup(String name, CompletableFuture<Optional<RemoteDroplet>> answer) {
            this.name = name;
            this.answer = answer;
        }

        String name() {
            return name;
        }

        CompletableFuture<Optional<RemoteDroplet>> answer() {
            return answer;
        }
    }
}
