package dev.rainmaker.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A service's health as its published port on 127.0.0.1 tells it: liveness, and each readiness check by name. */
record ServiceHealth(boolean live, Map<String, String> readiness) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Not live and no check answered: the service does not answer (yet). */
    static final ServiceHealth NO_ANSWER = new ServiceHealth(false, Map.of());

    static ServiceHealth of(int port) {
        try {
            boolean live = get(port, "/q/health/live").statusCode() == 200;
            Map<String, String> checks = new TreeMap<>();
            JSON.readTree(get(port, "/q/health/ready").body())
                    .path("checks")
                    .forEach(check -> checks.put(
                            check.path("name").asText(), check.path("status").asText()));
            return new ServiceHealth(live, checks);
        } catch (IOException e) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking port " + port + " for its health", e);
        }
    }

    /** Live, {@code check} DOWN and every other readiness check UP. */
    boolean readyBut(String check) {
        return live
                && "DOWN".equals(readiness.get(check))
                && readiness.entrySet().stream()
                        .filter(other -> !other.getKey().equals(check))
                        .allMatch(other -> "UP".equals(other.getValue()));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
