package dev.rainmaker.droplet.service.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The {@link FleetWatcher}'s decisions: when to list, what, and which reported droplets to untag. It keeps what it
 * needs to decide (when each kind of listing last ran, how big the listings were, failures in a row, the reported
 * droplets still tagged); it makes no call, reads no clock and starts no thread: it is told {@code now} and what
 * happened. Not thread-safe: the watcher asks and tells it under its lock.
 *
 * <p>Waits for booting droplets are answered by one listing of the tag {@code rainmaker-booting} every
 * {@code pollInterval}, every {@code lookupInterval} while droplets are turning active (the last listing found one:
 * droplets created together become active together).
 *
 * <p>Lookups by name wait for a tick (every {@code lookupInterval}; the first after a quiet spell waits
 * {@code lookupGather} for the rest of its burst) and are answered by whichever costs fewer calls: one query per name,
 * or one listing of the whole fleet (tag {@code rainmaker}), whose size is estimated from its last listing plus what
 * boots now (unknown at first: the fleet is listed). A listing of the fleet answers the boot waits too, so no listing of
 * booting droplets is due while one is coming.
 *
 * <p>Those intervals are the shortest; the {@link ListingPace} also spaces listings by their pages, and after a listing
 * failed transiently the next follows after the retry backoff instead.
 *
 * <p>Reported droplets lose their in-flight tag only when that makes the next listing shorter by a page, fills a call
 * (200 droplets), or, with nothing else in flight (no listing follows), once reports stopped coming for a poll interval:
 * until then, untagging them would cost a call and save none.
 */
final class FleetWatchPlan {

    /** Droplets a listing page shows, and an untag call takes. */
    static final int PAGE = 200;

    private final WatchTiming timing;
    private final ListingPace pace;
    private final IntFunction<Duration> retryDelay;
    private final Set<Long> toUntag = new LinkedHashSet<>();
    private Instant firstLookupSince = Instant.MIN;
    private Instant lastLookupTick = Instant.MIN;
    private Instant lastBootTick = Instant.MIN;
    private Instant lastReported = Instant.MIN;
    private boolean turningActive;
    private int failedListings;
    private int lastFleetSize = -1;
    private int lastBootingSize;
    private int untaggedSinceListing;

    /** {@code retryDelay}: how long to wait before listing again after {@code n} transient failures in a row. */
    FleetWatchPlan(WatchTiming timing, ListingPace pace, IntFunction<Duration> retryDelay) {
        this.timing = timing;
        this.pace = pace;
        this.retryDelay = retryDelay;
    }

    /**
     * What the watcher holds: how many distinct names its waiting lookups ask for, how many boots it waits for, and how
     * many droplets it saw active that are not reported yet (they still carry the in-flight tag).
     */
    record Waiting(int lookupNames, int boots, int activeUnreported) {}

    /** What the watcher does next. */
    sealed interface Step {}

    /** Nothing waits: sleep until something does. */
    record Idle() implements Step {}

    /** Nothing is due before {@code at}: sleep until then, or until something new waits. */
    record WaitUntil(Instant at) implements Step {}

    /** Answer the waiting lookups by listing the whole fleet, or else by one query per name: {@code pages} calls. */
    record AnswerLookups(boolean listFleet, int pages) implements Step {}

    /** Take the in-flight tag off {@code untag}, then list the booting droplets (while any is waited for): {@code pages}. */
    record ListBooting(List<Long> untag, int pages) implements Step {
        ListBooting {
            untag = List.copyOf(untag);
        }
    }

    /** What to do at {@code now}. Asking changes nothing; {@link #started} says the watcher does it. */
    Step next(Instant now, Waiting waiting) {
        boolean lookups = waiting.lookupNames() > 0;
        if (!lookups && waiting.boots() == 0 && toUntag.isEmpty()) {
            return new Idle();
        }
        int lookupPages = lookupCost(waiting.lookupNames());
        Instant lookupsDue = lookups
                ? later(
                        later(
                                firstLookupSince.plus(timing.lookupGather()),
                                due(lastLookupTick, timing.lookupInterval())),
                        pace.earliestStart(lookupPages))
                : Instant.MAX;
        List<Long> untag = untagWorthACall(now, waiting);
        int bootPages = pages(inFlightListed(waiting) - untag.size());
        Instant bootsDue = bootsDue(waiting, bootPages);
        Instant next = lookupsDue.isBefore(bootsDue) ? lookupsDue : bootsDue;
        if (now.isBefore(next)) {
            return new WaitUntil(next);
        }
        if (!now.isBefore(lookupsDue)) {
            return new AnswerLookups(listsFleet(waiting.lookupNames()), lookupPages);
        }
        return new ListBooting(untag, bootPages);
    }

    /** The watcher answers the waiting lookups from {@code now} on. */
    void started(AnswerLookups step, Instant now) {
        lastLookupTick = now;
    }

    /** The watcher untags and lists booting droplets from {@code now} on. */
    void started(ListBooting step, Instant now) {
        toUntag.removeAll(step.untag());
        lastBootTick = now;
    }

    /** A lookup arrived while none waited: the others of its burst are gathered from {@code now}. */
    void lookupsArrived(Instant now) {
        firstLookupSince = now;
    }

    /** The droplet was reported active at {@code now}: it is no longer in flight and is to lose its tag. */
    void reported(long dropletId, Instant now) {
        toUntag.add(dropletId);
        lastReported = now;
    }

    /** The whole fleet, started at {@code start} and expected to cost {@code expectedPages}, listed {@code droplets}. */
    void fleetListed(Instant start, int expectedPages, int droplets, Instant now) {
        pace.listed(start, expectedPages, pages(droplets));
        lastFleetSize = droplets;
        lastBootTick = now;
        failedListings = 0;
    }

    /** {@code names} lookups by name, one call each, started at {@code start}, were answered. */
    void namesLookedUp(Instant start, int names) {
        pace.listed(start, names, names);
        failedListings = 0;
    }

    /** The booting droplets, started at {@code start} and expected to cost {@code expectedPages}, were listed. */
    void bootingListed(Instant start, int expectedPages, int droplets) {
        pace.listed(start, expectedPages, pages(droplets));
        lastBootingSize = droplets;
        untaggedSinceListing = 0;
        failedListings = 0;
    }

    /** A listing started at {@code start} failed; returns the transient failures in a row, which put the next off. */
    int listingFailed(Instant start, int expectedPages, boolean transientFailure) {
        pace.listed(start, expectedPages, expectedPages);
        if (transientFailure) {
            failedListings++;
        }
        return failedListings;
    }

    /** Whether the listing just read showed a droplet waited for as active: others are likely to follow. */
    void sawActive(boolean active) {
        turningActive = active;
    }

    /** The tag came off {@code droplets} reported droplets: the next listing of booting droplets is that much shorter. */
    void untagged(int droplets) {
        untaggedSinceListing += droplets;
    }

    /** Taking the tag off these failed transiently: they are tried again. */
    void untagFailed(List<Long> dropletIds) {
        toUntag.addAll(dropletIds);
    }

    private Instant bootsDue(Waiting waiting, int bootPages) {
        boolean boots = waiting.boots() > 0;
        if (!boots && toUntag.isEmpty()) {
            return Instant.MAX;
        }
        if (boots && waiting.lookupNames() > 0 && listsFleet(waiting.lookupNames())) {
            // the lookups' listing of the fleet answers the boot waits too, and creates wait for it
            return Instant.MAX;
        }
        Instant due = due(lastBootTick, turningActive && boots ? timing.lookupInterval() : timing.pollInterval());
        return boots ? later(due, pace.earliestStart(bootPages)) : due;
    }

    /**
     * The reported droplets to untag now: all of them when they fill a call, when that makes the coming listing a page
     * shorter, or, with nothing else in flight, once reports stopped coming for a poll interval; otherwise none, yet.
     */
    private List<Long> untagWorthACall(Instant now, Waiting waiting) {
        int listed = inFlightListed(waiting);
        boolean worthIt = toUntag.size() >= PAGE
                || (waiting.boots() == 0
                        ? !now.isBefore(lastReported.plus(timing.pollInterval()))
                        : pages(listed - toUntag.size()) < pages(listed));
        return worthIt ? List.copyOf(toUntag) : List.of();
    }

    /**
     * How many droplets the next listing of booting droplets shows, as far as this instance knows: its own that carry
     * the tag, or the last listing's count (which holds other instances' too) less what was untagged since.
     */
    private int inFlightListed(Waiting waiting) {
        int own = waiting.boots() + waiting.activeUnreported() + toUntag.size();
        return Math.max(own, lastBootingSize - untaggedSinceListing);
    }

    /** What answering lookups of {@code names} costs: one call per name, or the pages of the fleet. */
    private int lookupCost(int names) {
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

    /** When a listing last started at {@code last} is next due: after {@code interval}, or the backoff after failures. */
    private Instant due(Instant last, Duration interval) {
        if (last.equals(Instant.MIN)) {
            return Instant.MIN;
        }
        return last.plus(failedListings > 0 ? retryDelay.apply(failedListings) : interval);
    }

    private static int pages(int droplets) {
        return Math.max(1, (droplets + PAGE - 1) / PAGE);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
