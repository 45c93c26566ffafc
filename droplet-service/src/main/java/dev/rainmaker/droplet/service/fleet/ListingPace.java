package dev.rainmaker.droplet.service.fleet;

import java.time.Duration;
import java.time.Instant;

import dev.rainmaker.droplet.config.DropletConfig;

/**
 * Spaces the watcher's listings so that they spend at most {@code share} of the per-minute request budget, at a steady
 * rate: a listing of P pages (one call each) starts no sooner than {@code P × minute / (share × perMinute)} after the
 * previous one. Listings that spent the minute's budget in a burst would make every other call (creates, untagging,
 * the firewall) and the next listings wait for the minute to pass; at a steady rate the rest of the budget is always
 * there for the others, and the watcher itself never has to wait more than one spacing.
 *
 * <p>The spacing is charged to the listing about to start, so a listing that shrank (droplets reported and untagged)
 * may follow sooner than the big one before it. A listing that cost more pages than expected pushes the next one back
 * by what it overspent. Not thread-safe: the watcher's loop is its only user.
 */
public final class ListingPace {

    /** The same window as the request budget's: a second longer than DigitalOcean's minute. */
    private static final Duration MINUTE = Duration.ofSeconds(61);

    private final Duration perPage;
    private Instant chargedFrom = Instant.MIN;

    /** {@code perMinute}: this instance's request budget a minute; {@code share}: how much of it listings may spend. */
    public ListingPace(double share, int perMinute) {
        if (!(share > 0 && share <= 1) || perMinute < 1) {
            throw new IllegalArgumentException("rainmaker.droplet.listing-share must be above 0 and at most 1, not "
                    + share + " (with a budget of " + perMinute + " requests a minute)");
        }
        this.perPage = Duration.ofNanos((long) (MINUTE.toNanos() / (share * perMinute)));
    }

    /** Listings' share of this instance's per-minute budget, as configured. */
    static ListingPace of(DropletConfig config) {
        DropletConfig.RateLimit limits = config.rateLimit();
        return new ListingPace(
                config.listingShare(), Math.max(1, limits.perMinute() / Math.max(1, limits.instances())));
    }

    /** The earliest a listing expected to cost {@code pages} calls may start. */
    Instant earliestStart(int pages) {
        if (chargedFrom.equals(Instant.MIN)) {
            return Instant.MIN;
        }
        return chargedFrom.plus(spacing(pages));
    }

    /** A listing that was expected to cost {@code expectedPages} started at {@code start} and cost {@code pages}. */
    void listed(Instant start, int expectedPages, int pages) {
        chargedFrom = start.plus(perPage.multipliedBy(Math.max(0, pages - expectedPages)));
    }

    /** How long a listing of {@code pages} calls must follow the previous one. */
    Duration spacing(int pages) {
        return perPage.multipliedBy(Math.max(1, pages));
    }
}
