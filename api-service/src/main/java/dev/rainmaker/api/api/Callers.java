package dev.rainmaker.api.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.config.ApiConfig.Scope;
import dev.rainmaker.api.service.TokenBucket;
import dev.rainmaker.api.service.TokenHashes;

/**
 * Who is calling: the app a bearer token belongs to, whether it may do what it asks, and whether it is within its rate
 * limit (one bucket per app: a rotated token shares its app's limit). Refusals are problems with their challenge.
 */
@ApplicationScoped
public class Callers {

    private static final String BEARER = "bearer ";

    private final ApiConfig config;
    private final TokenHashes tokens;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public Callers(ApiConfig config) {
        this.config = config;
        this.tokens = new TokenHashes(config.apps().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, app -> app.getValue().tokenSha256())));
    }

    /** The calling app, allowed {@code scope} and within its limit; otherwise a 401, 403 or 429 problem. */
    public String authorize(String authorization, Scope scope) {
        String app = appOf(authorization);
        ApiConfig.App settings = config.apps().get(app);
        if (!settings.scopes().contains(scope)) {
            throw Problems.insufficientScope(scope);
        }
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(
                app,
                name -> new TokenBucket(
                        settings.rateLimit().perSecond(), settings.rateLimit().burst(), now));
        long retryAfter = bucket.tryTake(now);
        if (retryAfter > 0) {
            throw Problems.rateLimited(retryAfter);
        }
        return app;
    }

    private String appOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw Problems.unauthenticated("send the app's API token: Authorization: Bearer <token>");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw Problems.unauthenticated("only bearer tokens are accepted: Authorization: Bearer <token>");
        }
        Optional<String> app =
                tokens.appOf(authorization.substring(BEARER.length()).trim());
        return app.orElseThrow(() -> Problems.unauthenticated("the token is not valid (revoked, or mistyped)"));
    }
}
