package dev.rainmaker.droplet.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * This instance's share of DigitalOcean's rate limits: at most {@code perMinute} requests in any minute and
 * {@code perHour} in any hour, fewer when DigitalOcean's {@code ratelimit-remaining} says the token has less left
 * (other clients share it), and none until a 429's {@code retry-after} has passed. Callers {@link #acquire()} before
 * each request and wait (on their virtual thread) when the budget is spent.
 */
public final class RequestBudget {

    // A second longer than DigitalOcean's windows: our clock starts before the request reaches DigitalOcean's.
    private static final Duration MINUTE = Duration.ofSeconds(61);
    private static final Duration HOUR = Duration.ofSeconds(3601);

    private final int perMinute;
    private final int perHour;
    private final Clock clock;
    private final Deque<Instant> lastHour = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;
    private int serverRemaining = Integer.MAX_VALUE;
    private Instant serverReset = Instant.MIN;

    public RequestBudget(int perMinute, int perHour, Clock clock) {
        if (perMinute < 1 || perHour < 1) {
            throw new IllegalArgumentException("rate-limit budgets must allow at least one request, not " + perMinute
                    + "/min and " + perHour + "/h (rainmaker.droplet.rate-limit)");
        }
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Blocks until a request may be sent, and counts it. */
    public void acquire() {
        for (Duration wait = tryAcquire(); !wait.isZero(); wait = tryAcquire()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for DigitalOcean's rate limit", e);
            }
        }
    }

    /** Counts a request and returns zero when one may be sent now; otherwise how long to wait before asking again. */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        while (!lastHour.isEmpty() && !lastHour.peekFirst().isAfter(now.minus(HOUR))) {
            lastHour.removeFirst();
        }
        Instant allowedAt = pausedUntil;
        if (lastHour.size() >= perHour) {
            allowedAt = later(allowedAt, lastHour.peekFirst().plus(HOUR));
        }
        Instant minuteAgo = now.minus(MINUTE);
        long inLastMinute = lastHour.stream().filter(t -> t.isAfter(minuteAgo)).count();
        if (inLastMinute >= perMinute) {
            Instant oldestInMinute = lastHour.stream()
                    .filter(t -> t.isAfter(minuteAgo))
                    .findFirst()
                    .orElseThrow();
            allowedAt = later(allowedAt, oldestInMinute.plus(MINUTE));
        }
        if (serverRemaining <= 0 && serverReset.isAfter(now)) {
            allowedAt = later(allowedAt, serverReset);
        }
        if (allowedAt.isAfter(now)) {
            return Duration.between(now, allowedAt);
        }
        lastHour.addLast(now);
        if (serverReset.isAfter(now)) {
            serverRemaining--;
        }
        return Duration.ZERO;
    }

    /**
     * What DigitalOcean said is left for the token ({@code ratelimit-remaining}) until {@code ratelimit-reset}. Nothing
     * left holds requests until the reset, but for a minute at most: DigitalOcean also reports 0 while only the
     * minute's burst limit is reached, with the hour's reset; the next answer says again how things stand.
     */
    public synchronized void observe(int remaining, Instant reset) {
        Instant aMinuteFromNow = clock.instant().plus(MINUTE);
        serverRemaining = remaining;
        serverReset = remaining <= 0 && reset.isAfter(aMinuteFromNow) ? aMinuteFromNow : reset;
    }

    /** After a 429: nothing is sent before {@code until}. */
    public synchronized void pauseUntil(Instant until) {
        pausedUntil = later(pausedUntil, until);
    }

    /** Requests counted in the last minute. */
    public synchronized int sentInLastMinute() {
        Instant minuteAgo = clock.instant().minus(MINUTE);
        return (int) lastHour.stream().filter(t -> t.isAfter(minuteAgo)).count();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
