package dev.rainmaker.localcloud.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonObject;

/** What a Prometheus answers through its HTTP API: instant queries, alerts and the rules it loaded. */
public final class PrometheusApi {

    /** One series of an instant query's answer: its labels and its value. */
    public record Sample(Map<String, String> labels, String value) {}

    /** One active alert: its name, labels and state ({@code pending} or {@code firing}). */
    public record Alert(String name, Map<String, String> labels, String state) {

        public boolean firing() {
            return state.equals("firing");
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String url;

    public PrometheusApi(String url) {
        this.url = url;
    }

    /**
     * Evaluates {@code expression} now ({@code /api/v1/query}); a scalar or string answer comes back as one sample
     * without labels.
     *
     * @throws IllegalArgumentException when Prometheus refuses the expression (a typo, a bad function), with its reason
     */
    public List<Sample> query(String expression) {
        JsonObject data = get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        String type = data.getString("resultType");
        if (type.equals("scalar") || type.equals("string")) {
            return List.of(new Sample(
                    Map.of(), String.valueOf(data.getJsonArray("result").getValue(1))));
        }
        return data.getJsonArray("result").stream()
                .map(JsonObject.class::cast)
                .map(series -> new Sample(
                        labels(series.getJsonObject("metric")),
                        type.equals("matrix")
                                ? "matrix of " + series.getJsonArray("values").size()
                                : String.valueOf(series.getJsonArray("value").getValue(1))))
                .toList();
    }

    /** The alerts pending or firing now ({@code /api/v1/alerts}). */
    public List<Alert> alerts() {
        return get("/api/v1/alerts").getJsonArray("alerts").stream()
                .map(JsonObject.class::cast)
                .map(alert -> {
                    Map<String, String> labels = labels(alert.getJsonObject("labels"));
                    return new Alert(labels.get("alertname"), labels, alert.getString("state"));
                })
                .toList();
    }

    /** The names of the alerting rules it loaded ({@code /api/v1/rules}). */
    public List<String> alertingRuleNames() {
        return get("/api/v1/rules?type=alert").getJsonArray("groups").stream()
                .map(JsonObject.class::cast)
                .flatMap(group -> group.getJsonArray("rules").stream().map(JsonObject.class::cast))
                .map(rule -> rule.getString("name"))
                .toList();
    }

    /** The health of each scrape target, by its {@code instance} label ({@code /api/v1/targets}). */
    public Map<String, String> targetHealth() {
        return get("/api/v1/targets?state=active").getJsonArray("activeTargets").stream()
                .map(JsonObject.class::cast)
                .collect(Collectors.toMap(
                        target -> target.getJsonObject("labels").getString("instance"),
                        target -> target.getString("health"),
                        (a, b) -> a));
    }

    private JsonObject get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject body = new JsonObject(response.body());
            if (!"success".equals(body.getString("status"))) {
                throw new IllegalArgumentException("Prometheus refused " + pathAndQuery + ": "
                        + body.getString("errorType") + ": " + body.getString("error"));
            }
            return body.getJsonObject("data");
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus at " + url + " did not answer " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Prometheus", e);
        }
    }

    private static Map<String, String> labels(JsonObject labels) {
        return labels.getMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
    }
}
