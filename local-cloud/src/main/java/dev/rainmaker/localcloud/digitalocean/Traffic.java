package dev.rainmaker.localcloud.digitalocean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** What tests can inspect of the stand-in's traffic: calls and 429s per token, calls per endpoint, warnings, exchanges. */
final class Traffic {

    private static final String RECORDING = "rainmaker.traffic.recording";
    private static final Pattern ID_SEGMENT = Pattern.compile("/(\\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/|$)");

    private final Map<String, LongAdder> callsPerToken = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rateLimitedPerToken = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> callsPerEndpoint = new ConcurrentHashMap<>();
    private final Queue<RequestWarning> warnings = new ConcurrentLinkedQueue<>();
    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    /** Counts a request and, when recording, marks it so that its answer is recorded with it. */
    void arrived(RoutingContext context, String token) {
        count(callsPerToken, token);
        count(callsPerEndpoint, endpoint(context));
        if (recording) {
            context.put(RECORDING, this);
        }
    }

    void countRateLimited(String token) {
        count(rateLimitedPerToken, token);
    }

    void warn(RoutingContext context, String message) {
        warnings.add(new RequestWarning(endpoint(context), message));
    }

    /** Records the answer of a request marked by {@link #arrived}; {@code status} 0 when there was none. */
    static void answered(RoutingContext context, int status, String responseBody) {
        Traffic traffic = context.get(RECORDING);
        if (traffic != null) {
            traffic.exchanges.add(new Exchange(
                    context.request().method().name(),
                    context.request().uri(),
                    requestHeaders(context.request().headers()),
                    requestBody(context),
                    status,
                    status == 0 ? Map.of() : headers(context.response().headers()),
                    responseBody));
        }
    }

    /** Method and path with numeric ids and UUIDs replaced by {@code {id}}, e.g. {@code GET /v2/droplets/{id}}. */
    static String endpoint(RoutingContext context) {
        return context.request().method().name() + " "
                + ID_SEGMENT.matcher(context.request().path()).replaceAll("/{id}");
    }

    long calls(String token) {
        return total(callsPerToken.get(token));
    }

    long rateLimited(String token) {
        return total(rateLimitedPerToken.get(token));
    }

    Map<String, Long> callsPerEndpoint() {
        Map<String, Long> calls = new TreeMap<>();
        callsPerEndpoint.forEach((endpoint, count) -> calls.put(endpoint, count.sum()));
        return calls;
    }

    List<RequestWarning> warnings() {
        return List.copyOf(warnings);
    }

    void record(boolean on) {
        recording = on;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    void clear() {
        callsPerToken.clear();
        rateLimitedPerToken.clear();
        callsPerEndpoint.clear();
        warnings.clear();
        exchanges.clear();
    }

    private static String requestBody(RoutingContext context) {
        if (context.body() == null || context.body().buffer() == null) {
            return null;
        }
        return context.body().asString();
    }

    private static Map<String, String> requestHeaders(MultiMap headers) {
        Map<String, String> copy = headers(headers);
        copy.computeIfPresent(
                "authorization",
                (name, value) -> value.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? "Bearer " + Exchange.REDACTED_TOKEN
                        : Exchange.REDACTED_TOKEN);
        return copy;
    }

    private static Map<String, String> headers(MultiMap headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach(entry -> copy.merge(
                entry.getKey().toLowerCase(java.util.Locale.ROOT), entry.getValue(), (a, b) -> a + ", " + b));
        return copy;
    }

    private static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static long total(LongAdder counter) {
        return counter == null ? 0 : counter.sum();
    }
}
