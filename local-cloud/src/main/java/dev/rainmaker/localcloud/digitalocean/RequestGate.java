package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every request: counts the call for its token, adds DigitalOcean's {@code ratelimit-*} headers
 * and lets through only requests that carry the accepted bearer token.
 */
final class RequestGate implements Handler<RoutingContext> {

    static final int REQUESTS_PER_MINUTE = 250;
    private static final String BEARER = "Bearer ";

    private final String acceptedToken;
    private final Clock clock;
    private final Map<String, AtomicLong> callsPerToken = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> recentCallsPerToken = new ConcurrentHashMap<>();

    RequestGate(String acceptedToken, Clock clock) {
        this.acceptedToken = acceptedToken;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        String token = bearerToken(context.request().getHeader("Authorization"));
        callsPerToken.computeIfAbsent(token, t -> new AtomicLong()).incrementAndGet();
        addRateLimitHeaders(context, token);
        if (!acceptedToken.equals(token)) {
            ApiErrors.unauthorized(context);
            return;
        }
        context.next();
    }

    long calls(String token) {
        AtomicLong calls = callsPerToken.get(token);
        return calls == null ? 0 : calls.get();
    }

    private void addRateLimitHeaders(RoutingContext context, String token) {
        Instant now = clock.instant();
        Deque<Instant> recent = recentCallsPerToken.computeIfAbsent(token, t -> new ArrayDeque<>());
        int remaining;
        Instant oldest;
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minusSeconds(60))) {
                recent.removeFirst();
            }
            remaining = Math.max(0, REQUESTS_PER_MINUTE - recent.size());
            oldest = recent.peekFirst();
        }
        context.response()
                .putHeader("ratelimit-limit", String.valueOf(REQUESTS_PER_MINUTE))
                .putHeader("ratelimit-remaining", String.valueOf(remaining))
                .putHeader(
                        "ratelimit-reset", String.valueOf(oldest.plusSeconds(60).getEpochSecond()));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "";
        }
        return authorization.substring(BEARER.length()).trim();
    }
}
