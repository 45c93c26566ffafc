package dev.rainmaker.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How far status-service trails the pipeline: subscribed to each instance's {@code /api/events} (server-sent events,
 * one per timeline entry as the view takes it in), it notes for every entry of the burst's customers how long after
 * the event's own timestamp ({@code at}) it arrived. Same machine, same clock.
 */
final class StatusLag implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> customers;
    private final ConcurrentLinkedQueue<Double> lagSeconds = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Double>> lagSecondsByTopic = new ConcurrentHashMap<>();
    private final Queue<Stream<String>> streams = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    private StatusLag(Set<String> customers) {
        this.customers = customers;
    }

    /** Subscribes to every instance (their HTTP ports) as {@code user}; entries of other customers are ignored. */
    static StatusLag follow(Collection<Integer> ports, String user, String password, Collection<String> customers) {
        StatusLag lag = new StatusLag(Set.copyOf(customers));
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        for (int port : ports) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                    .header("Authorization", "Basic " + credentials)
                    .header("Accept", "text/event-stream")
                    .build();
            // Asynchronously: the server may send its headers only with the first event, which is yet to come.
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                lag.streams.add(response.body());
                if (response.statusCode() != 200) {
                    lag.failures.add(
                            "status-service's /api/events on port " + port + " answered " + response.statusCode());
                    response.body().close();
                    return;
                }
                Thread.ofVirtual().name("status-lag-" + port).start(() -> {
                    try (Stream<String> lines = response.body()) {
                        lines.filter(line -> line.startsWith("data:")).forEach(lag::take);
                    } catch (RuntimeException closed) {
                        // the subscription ended: close() or the instance stopped
                    }
                });
            });
        }
        return lag;
    }

    private void take(String dataLine) {
        Instant arrived = Instant.now();
        try {
            JsonNode entry = JSON.readTree(dataLine.substring("data:".length()).strip());
            if (customers.contains(entry.path("customerId").asText()) && entry.hasNonNull("at")) {
                double seconds = Duration.between(Instant.parse(entry.get("at").asText()), arrived)
                                .toMillis()
                        / 1000.0;
                lagSeconds.add(seconds);
                lagSecondsByTopic
                        .computeIfAbsent(entry.path("topic").asText("?"), topic -> new ConcurrentLinkedQueue<>())
                        .add(seconds);
            }
        } catch (Exception e) {
            // not a timeline entry (a comment or keep-alive): nothing to measure
        }
    }

    /** The lag's percentiles over every entry, and over the entries of each topic the view read them from. */
    record Figures(Percentiles all, SortedMap<String, Percentiles> byTopic) {}

    /**
     * Waits until no entry has come for {@code quiet} (the view has caught up with the burst), then answers the lag's
     * percentiles, in seconds.
     */
    Figures awaitQuiet(Duration quiet) {
        int seen;
        do {
            seen = lagSeconds.size();
            sleep(quiet);
        } while (lagSeconds.size() != seen);
        return percentiles();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for status-service", e);
        }
    }

    /** Entries seen so far and their lag's percentiles, in seconds. */
    Figures percentiles() {
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("; ", failures));
        }
        SortedMap<String, Percentiles> byTopic = new TreeMap<>();
        lagSecondsByTopic.forEach((topic, seconds) -> byTopic.put(topic, Percentiles.of(List.copyOf(seconds))));
        return new Figures(Percentiles.of(List.copyOf(lagSeconds)), byTopic);
    }

    @Override
    public void close() {
        streams.forEach(Stream::close);
    }
}
