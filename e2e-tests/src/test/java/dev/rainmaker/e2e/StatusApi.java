package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** status-service's REST API as a client sees it: HTTP Basic as one user, JSON answers. */
record StatusApi(int port, String user, String password) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {}

    Answer get(String path) {
        return send(request(path).GET());
    }

    /** A POST as the console sends it, with its header. */
    Answer post(String path) {
        return send(request(path).header("X-Rainmaker-Console", "1").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A JSON answer that must be 200. */
    JsonNode ok(String path) {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new AssertionError(
                    "GET " + path + " on port " + port + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** What the instance answers of the customer, but its age, which the clock changes. */
    JsonNode customerButItsAge(String customer) {
        ObjectNode answer = (ObjectNode) ok("/api/customers/" + customer).deepCopy();
        answer.remove("ageSeconds");
        return answer;
    }

    /** Each entry of a customer's timeline as "kind topic", oldest first. */
    static List<String> timeline(JsonNode customer) {
        List<String> entries = new ArrayList<>();
        customer.path("timeline")
                .forEach(entry -> entries.add(
                        entry.path("kind").asText() + " " + entry.path("topic").asText()));
        return entries;
    }

    /** {@code rainmaker_customers_stuck{stage=...}} of this instance. */
    double stuckAt(String stage) {
        return metrics()
                .lines()
                .filter(line ->
                        line.startsWith("rainmaker_customers_stuck{") && line.contains("stage=\"" + stage + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The Prometheus text of {@code /q/metrics} (open, no user). */
    String metrics() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
