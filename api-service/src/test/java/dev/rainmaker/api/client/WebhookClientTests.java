package dev.rainmaker.api.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.rainmaker.api.domain.ReceiverAnswer;
import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.api.domain.WebhookTarget;
import dev.rainmaker.api.service.WebhookSigner;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The POST itself, against a receiver on 127.0.0.1: what it carries, and what counts as delivered. */
class WebhookClientTests {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final String SECRET = "client-test-secret";
    private static final WebhookEvent EVENT = new WebhookEvent(
            "id-7", "customer.ready", "hook-7", NOW, "{\"id\":\"id-7\"}".getBytes(StandardCharsets.UTF_8));

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<Headers> okRequests = new CopyOnWriteArrayList<>();
    private static final List<byte[]> okBodies = new CopyOnWriteArrayList<>();

    /** Generous: a loaded build machine can take seconds over a first connection. */
    private final WebhookClient client =
            new WebhookClient(vertx, Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void startReceiver() throws IOException {
        vertx = Vertx.vertx();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/ok", exchange -> {
            okRequests.add(exchange.getRequestHeaders());
            okBodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopReceiver() {
        server.stop(0);
        vertx.closeAndAwait();
    }

    @Test
    void anyTwoHundredIsDeliveredWithTheBodyTheHeadersAndASignatureOverTheRawBody() {
        ReceiverAnswer answer = client.send(target("/ok"), EVENT);

        assertThat(answer).isEqualTo(ReceiverAnswer.status(202));
        assertThat(answer.delivered()).isTrue();
        Headers headers = okRequests.getLast();
        assertThat(okBodies.getLast()).isEqualTo(EVENT.body());
        assertThat(headers.getFirst("Content-Type")).isEqualTo("application/cloudevents+json; charset=utf-8");
        assertThat(headers.getFirst("Rainmaker-Event-Id")).isEqualTo("id-7");
        assertThat(headers.getFirst("User-Agent")).isEqualTo("Rainmaker-Webhooks/1");
        assertThat(headers.getFirst("Rainmaker-Signature"))
                .isEqualTo(WebhookSigner.signature(SECRET, NOW.getEpochSecond(), EVENT.body()));
    }

    @Test
    void aRedirectIsNotFollowedAndIsNotADelivery() {
        int before = okRequests.size();

        ReceiverAnswer answer = client.send(target("/moved"), EVENT);

        assertThat(answer).isEqualTo(ReceiverAnswer.status(307));
        assertThat(answer.delivered()).isFalse();
        assertThat(okRequests).as("requests that reached the redirect's target").hasSize(before);
    }

    @Test
    void aRefusedConnectionIsDescribedWithoutTheUrlOrItsQuery() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var target = new WebhookTarget(
                "acme", URI.create("http://127.0.0.1:" + closedPort + "/hook?token=url-secret"), SECRET);

        ReceiverAnswer answer = client.send(target, EVENT);

        assertThat(answer.delivered()).isFalse();
        assertThat(answer.describe()).isEqualTo("connection refused");
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsNotADeliveryAndItsFailureNamesNoUrl() {
        var impatient = new WebhookClient(vertx, Duration.ofMillis(500), Clock.fixed(NOW, ZoneOffset.UTC));
        long start = System.nanoTime();

        ReceiverAnswer answer = impatient.send(target("/slow?token=url-secret"), EVENT);

        assertThat(answer.delivered()).isFalse();
        assertThat(answer.describe()).isEqualTo("no answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("waited for the receiver's answer, 3 s in coming")
                .isLessThan(Duration.ofSeconds(3));
    }

    private static WebhookTarget target(String pathAndQuery) {
        return new WebhookTarget(
                "acme", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery), SECRET);
    }
}
