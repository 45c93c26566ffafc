package dev.rainmaker.api.service;

/**
 * One token's rate limit: {@code burst} requests at once, refilled at {@code perSecond}. Time is passed in (nanoseconds
 * from {@link System#nanoTime()}) so tests need no clock.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastRefill;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    /** Takes one token: 0 when granted, otherwise the whole seconds (at least 1) until one is there. */
    public synchronized long tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefill) / NANOS_PER_SECOND * perSecond);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
}
