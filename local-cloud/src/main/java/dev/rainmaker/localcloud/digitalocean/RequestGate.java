package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every request, in DigitalOcean's order: counts the call, waits out any added latency, applies
 * a 429 storm and the token's rate limits (adding the {@code ratelimit-*} headers to every answer), lets through only
 * the accepted bearer token, and answers the configured share of requests with 500.
 */
final class RequestGate implements Handler<RoutingContext> {

    private static final String BEARER = "Bearer ";

    private final String acceptedToken;
    private final Clock clock;
    private final RateLimitWindows rateLimits;
    private final Faults faults;
    private final Traffic traffic;

    RequestGate(String acceptedToken, Clock clock, DigitalOceanLimits limits, Faults faults, Traffic traffic) {
        this.acceptedToken = acceptedToken;
        this.clock = clock;
        this.rateLimits = new RateLimitWindows(limits);
        this.faults = faults;
        this.traffic = traffic;
    }

    @Override
    public void handle(RoutingContext context) {
        String token = bearerToken(context.request().getHeader("Authorization"));
        traffic.arrived(context, token);
        Duration latency = faults.latency();
        if (latency.isZero()) {
            admit(context, token);
        } else {
            context.vertx().setTimer(Math.max(1, latency.toMillis()), timer -> admit(context, token));
        }
    }

    private void admit(RoutingContext context, String token) {
        Instant now = clock.instant();
        Instant stormEnds = faults.rateLimitStormUntil();
        if (now.isBefore(stormEnds)) {
            RateLimitWindows.Decision headers = rateLimits.peek(token, now);
            tooManyRequests(
                    context,
                    token,
                    new RateLimitWindows.Decision(
                            false,
                            headers.limit(),
                            0,
                            headers.resetEpochSecond(),
                            RateLimitWindows.secondsUntil(stormEnds.toEpochMilli(), now.toEpochMilli())));
            return;
        }
        RateLimitWindows.Decision decision = rateLimits.admit(token, now);
        if (!decision.admitted()) {
            tooManyRequests(context, token, decision);
            return;
        }
        addRateLimitHeaders(context, decision);
        if (!acceptedToken.equals(token)) {
            ApiErrors.unauthorized(context);
            return;
        }
        if (faults.drawServerError()) {
            ApiErrors.serverError(context);
            return;
        }
        context.next();
    }

    private void tooManyRequests(RoutingContext context, String token, RateLimitWindows.Decision decision) {
        traffic.countRateLimited(token);
        addRateLimitHeaders(context, decision);
        if (decision.retryAfterSeconds() != null) {
            context.response().putHeader("retry-after", String.valueOf(decision.retryAfterSeconds()));
        }
        ApiErrors.tooManyRequests(context);
    }

    private static void addRateLimitHeaders(RoutingContext context, RateLimitWindows.Decision decision) {
        context.response()
                .putHeader("ratelimit-limit", String.valueOf(decision.limit()))
                .putHeader("ratelimit-remaining", String.valueOf(decision.remaining()))
                .putHeader("ratelimit-reset", String.valueOf(decision.resetEpochSecond()));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "";
        }
        return authorization.substring(BEARER.length()).trim();
    }
}
