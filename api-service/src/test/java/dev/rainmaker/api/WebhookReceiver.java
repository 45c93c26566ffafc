package dev.rainmaker.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The apps' webhook receivers on 127.0.0.1: acme's answers 204 (or 503 for the first attempts a test asks for), globex's
 * always 503 and has a credential in its URL's query, which must never show up in a dead letter. Every request is kept.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    static final String ACME_SECRET = "acme-webhook-secret-for-tests";
    static final String GLOBEX_SECRET = "globex-webhook-secret-for-tests";
    static final String GLOBEX_URL_TOKEN = "url-token-for-tests";

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    private HttpServer server;

    /** One request as it arrived, with the raw body the signature covers. */
    record Received(String path, String query, Map<String, List<String>> headers, byte[] body, Instant at) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String subject() {
            return json().path("subject").asText();
        }
    }

    /** acme's receiver answers 503 to the first {@code attempts} requests about {@code customerId}. */
    static void failFirst(String customerId, int attempts) {
        failuresLeft.put(customerId, new AtomicInteger(attempts));
    }

    static List<Received> to(String app, String customerId) {
        return received.stream()
                .filter(request -> request.path().equals("/" + app) && customerId.equals(request.subject()))
                .toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
        server.createContext("/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "rainmaker.api.apps.acme.webhook.url",
                base + "/acme",
                "rainmaker.api.apps.acme.webhook.secret",
                ACME_SECRET,
                "rainmaker.api.apps.globex.webhook.url",
                base + "/globex?token=" + GLOBEX_URL_TOKEN,
                "rainmaker.api.apps.globex.webhook.secret",
                GLOBEX_SECRET,
                "rainmaker.api.webhooks.initial-backoff",
                "200ms",
                "rainmaker.api.webhooks.max-backoff",
                "1s",
                "rainmaker.api.webhooks.give-up-after",
                "3s");
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var request = new Received(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes(),
                    Instant.now());
            received.add(request);
            exchange.sendResponseHeaders(statusFor(request), -1);
        }
    }

    private static int statusFor(Received request) {
        if (request.path().equals("/globex")) {
            return 503;
        }
        AtomicInteger left = failuresLeft.get(request.subject());
        return left != null && left.getAndDecrement() > 0 ? 503 : 204;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
