package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rainmaker.localcloud.LocalPorts;

/**
 * A SaaS app's webhook endpoint, as a real HTTP server on a loopback port: keeps every POST it takes (headers, body,
 * when) and answers 204. It can go down (the port then refuses connections) and come back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as taken: the signature header, the body, the CloudEvent in it, and when it came. */
    record Delivery(
            String signature, String eventIdHeader, String contentType, String body, JsonNode event, Instant at) {

        String type() {
            return event.path("type").asText();
        }

        String id() {
            return event.path("id").asText();
        }

        String customerId() {
            return event.path("subject").asText();
        }

        /** Whether {@code Rainmaker-Signature: t=..,v1=..} is HMAC-SHA256 of {@code t.body} under the secret. */
        boolean signedWith(String secret) {
            String timestamp = null;
            String signature = null;
            for (String part : this.signature == null ? new String[0] : this.signature.split(",")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals("t")) {
                    timestamp = pair[1];
                } else if (pair.length == 2 && pair[0].equals("v1")) {
                    signature = pair[1];
                }
            }
            if (timestamp == null || signature == null) {
                return false;
            }
            byte[] expected = hmac(secret, timestamp + "." + body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
        }
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(LocalPorts.free());
        receiver.up();
        return receiver;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/rainmaker");
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Takes POSTs again, on the same port. */
    synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook receiver could not listen on port " + port, e);
        }
        server.createContext("/hooks/rainmaker", this::take);
        server.start();
    }

    /** Refuses connections until {@link #up}. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("Rainmaker-Signature"),
                    exchange.getRequestHeaders().getFirst("Rainmaker-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body,
                    JSON.readTree(body),
                    Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        down();
    }
}
