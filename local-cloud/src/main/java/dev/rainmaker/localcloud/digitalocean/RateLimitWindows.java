package dev.rainmaker.localcloud.digitalocean;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-token sliding windows of accepted requests: each request counts against the burst limit for a minute and against
 * the hourly limit for an hour after it was made. Requests answered 429 are not counted.
 */
final class RateLimitWindows {

    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    /** What the {@code ratelimit-*} headers say, and when a 429 applies, why and for how long. */
    record Decision(boolean admitted, long limit, long remaining, long resetEpochSecond, Long retryAfterSeconds) {}

    private final DigitalOceanLimits limits;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitWindows(DigitalOceanLimits limits) {
        this.limits = limits;
    }

    /** Counts the request if the token is within both limits. */
    Decision admit(String token, Instant now) {
        return windows.computeIfAbsent(token, t -> new Window()).admit(now.toEpochMilli(), true);
    }

    /** The headers for an answer that does not count against the limits (a 429 storm). */
    Decision peek(String token, Instant now) {
        return windows.computeIfAbsent(token, t -> new Window()).admit(now.toEpochMilli(), false);
    }

    private final class Window {

        private final ArrayDeque<Long> lastMinute = new ArrayDeque<>();
        private final ArrayDeque<Long> lastHour = new ArrayDeque<>();

        synchronized Decision admit(long nowMillis, boolean count) {
            expire(lastMinute, nowMillis - MINUTE_MILLIS);
            expire(lastHour, nowMillis - HOUR_MILLIS);
            boolean burstReached = lastMinute.size() >= limits.requestsPerMinute();
            boolean hourReached = lastHour.size() >= limits.requestsPerHour();
            boolean admitted = count && !burstReached && !hourReached;
            if (admitted) {
                lastMinute.addLast(nowMillis);
                lastHour.addLast(nowMillis);
                burstReached = lastMinute.size() >= limits.requestsPerMinute();
            }
            long remaining = burstReached ? 0 : Math.max(0, limits.requestsPerHour() - lastHour.size());
            long reset = lastHour.isEmpty() ? nowMillis : lastHour.peekFirst() + HOUR_MILLIS;
            Long retryAfter = count && !admitted && burstReached
                    ? secondsUntil(lastMinute.peekFirst() + MINUTE_MILLIS, nowMillis)
                    : null;
            return new Decision(
                    admitted || !count, limits.requestsPerHour(), remaining, ceilSeconds(reset), retryAfter);
        }

        private static void expire(ArrayDeque<Long> window, long olderThanOrAt) {
            while (!window.isEmpty() && window.peekFirst() <= olderThanOrAt) {
                window.removeFirst();
            }
        }
    }

    static long secondsUntil(long thenMillis, long nowMillis) {
        return Math.max(1, (thenMillis - nowMillis + 999) / 1000);
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
