package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stand-in's fault knobs, all off by default. Set them before start ({@link DigitalOceanStandIn.Builder#faults})
 * or while it runs ({@link DigitalOceanStandIn#faults()}); every setter is thread-safe, takes effect for the next
 * request and returns this object for chaining.
 *
 * <ul>
 *   <li>{@link #rateLimitStorm}: every request is answered 429 (DigitalOcean's body, {@code retry-after}) for a while.
 *   <li>{@link #serverErrors}: a share of requests is answered 500 before anything happens, drawn from a seeded
 *       {@link Random} so a run can be repeated.
 *   <li>{@link #latency}: every answer is delayed (without blocking the event loop).
 *   <li>{@link #loseCreateResponses}: the next creates happen (droplets exist and boot) but the connection is closed
 *       without an answer.
 *   <li>{@link #stickInNew}: the next droplets created stay {@code new} forever.
 *   <li>{@link #notFoundAfterCreate}: {@code GET /v2/droplets/{id}} answers 404 for a while after each create
 *       (DigitalOcean is eventually consistent); lists still show the droplet.
 * </ul>
 */
public final class Faults {

    private final Clock clock;
    private volatile Instant rateLimitStormUntil = Instant.MIN;
    private volatile double serverErrorShare;
    private Random serverErrorRandom = new Random(0);
    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger lostCreateResponses = new AtomicInteger();
    private final AtomicInteger stuckInNew = new AtomicInteger();
    private volatile Duration notFoundAfterCreate = Duration.ZERO;

    public Faults() {
        this(Clock.systemUTC());
    }

    Faults(Clock clock) {
        this.clock = clock;
    }

    /** Every request is answered 429 from now on for {@code duration}; {@link Duration#ZERO} ends a storm. */
    public Faults rateLimitStorm(Duration duration) {
        rateLimitStormUntil = clock.instant().plus(Objects.requireNonNull(duration, "duration"));
        return this;
    }

    /** A share (0 to 1) of requests answered 500, drawn from a {@link Random} seeded with {@code seed}. */
    public Faults serverErrors(double share, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("The share of server errors must be between 0 and 1: " + share);
        }
        synchronized (this) {
            serverErrorRandom = new Random(seed);
        }
        serverErrorShare = share;
        return this;
    }

    /** Added to every answer; {@link Duration#ZERO} for none. */
    public Faults latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
        return this;
    }

    /** The next {@code creates} successful {@code POST /v2/droplets} create their droplets but lose their answer. */
    public Faults loseCreateResponses(int creates) {
        lostCreateResponses.set(nonNegative(creates));
        return this;
    }

    /** The next {@code droplets} created never become active. */
    public Faults stickInNew(int droplets) {
        stuckInNew.set(nonNegative(droplets));
        return this;
    }

    /** Droplets created from now on are 404 to {@code GET /v2/droplets/{id}} for {@code duration} after creation. */
    public Faults notFoundAfterCreate(Duration duration) {
        notFoundAfterCreate = Objects.requireNonNull(duration, "duration");
        return this;
    }

    /** Turns every fault off. */
    public Faults clear() {
        rateLimitStormUntil = Instant.MIN;
        serverErrorShare = 0;
        latency = Duration.ZERO;
        lostCreateResponses.set(0);
        stuckInNew.set(0);
        notFoundAfterCreate = Duration.ZERO;
        return this;
    }

    /** When the current 429 storm ends; in the past when there is none. */
    Instant rateLimitStormUntil() {
        return rateLimitStormUntil;
    }

    boolean drawServerError() {
        double share = serverErrorShare;
        if (share == 0) {
            return false;
        }
        synchronized (this) {
            return serverErrorRandom.nextDouble() < share;
        }
    }

    Duration latency() {
        return latency;
    }

    boolean takeLostCreateResponse() {
        return takeOne(lostCreateResponses);
    }

    boolean takeStuckInNew() {
        return takeOne(stuckInNew);
    }

    Duration notFoundAfterCreate() {
        return notFoundAfterCreate;
    }

    private static boolean takeOne(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static int nonNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count of requests or droplets cannot be negative: " + count);
        }
        return count;
    }
}
