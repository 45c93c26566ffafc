package dev.rainmaker.droplet.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** DigitalOcean's {@code ratelimit-remaining}/{@code ratelimit-reset} and a 429's {@code retry-after}. */
record RateLimitHeaders(int remaining, Instant reset) {

    static Optional<RateLimitHeaders> read(HttpResponse<Buffer> response) {
        Optional<Long> remaining = number(response.getHeader("ratelimit-remaining"));
        Optional<Long> reset = number(response.getHeader("ratelimit-reset"));
        if (remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitHeaders(
                (int) Math.min(Integer.MAX_VALUE, remaining.get()), Instant.ofEpochSecond(reset.get())));
    }

    /**
     * When a rate-limited request may be sent again: after {@code retry-after} seconds, else at {@code ratelimit-reset},
     * and never sooner than {@code shortest} from now.
     */
    static Instant retryAt(HttpResponse<Buffer> response, Instant now, Duration shortest) {
        Instant earliest = now.plus(shortest);
        Instant retryAt = number(response.getHeader("retry-after"))
                .map(now::plusSeconds)
                .or(() -> number(response.getHeader("ratelimit-reset")).map(Instant::ofEpochSecond))
                .orElse(earliest);
        return retryAt.isAfter(earliest) ? retryAt : earliest;
    }

    private static Optional<Long> number(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
