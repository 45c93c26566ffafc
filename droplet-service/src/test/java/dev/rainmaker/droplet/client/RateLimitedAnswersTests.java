package dev.rainmaker.droplet.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A 429 is waited out and sent again, whatever DigitalOcean says about when to come back. */
class RateLimitedAnswersTests {

    private final AtomicInteger requests = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Vertx vertx;
    private HttpServer server;
    private volatile int rateLimitedAnswers;
    private volatile String retryAfter;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/account", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        vertx.closeAndAwait();
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndSentAgain() {
        rateLimitedAnswers = 1;
        retryAfter = "1";
        Instant start = Instant.now();

        client().checkAccount();

        assertThat(requests).hasValue(2);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(meters.get("rainmaker.digitalocean.rate-limited").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("rainmaker.digitalocean.calls")
                        .tags("method", "GET", "outcome", "rate-limited")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aStormOf429sWithoutRetryAfterIsWaitedOutUntilDigitalOceanAnswers() {
        rateLimitedAnswers = 3;
        retryAfter = null;

        client().checkAccount();

        assertThat(requests).hasValue(4);
        assertThat(meters.get("rainmaker.digitalocean.rate-limited").counter().count())
                .isEqualTo(3);
    }

    private DigitalOceanClient client() {
        return new DigitalOceanClient(
                vertx,
                new TestDropletConfig("http://127.0.0.1:" + server.getAddress().getPort(), Optional.of("dop_v1_test")),
                new DigitalOceanCalls(meters),
                new TokenStatus());
    }

    private void answer(HttpExchange exchange) throws IOException {
        int number = requests.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("ratelimit-limit", "250");
        byte[] body;
        if (number <= rateLimitedAnswers) {
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("retry-after", retryAfter);
            }
            exchange.getResponseHeaders().add("ratelimit-remaining", "0");
            exchange.getResponseHeaders()
                    .add("ratelimit-reset", String.valueOf(Instant.now().getEpochSecond()));
            body = "{\"id\":\"too_many_requests\",\"message\":\"API Rate limit exceeded.\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(429, body.length);
        } else {
            exchange.getResponseHeaders().add("ratelimit-remaining", "249");
            exchange.getResponseHeaders()
                    .add("ratelimit-reset", String.valueOf(Instant.now().getEpochSecond() + 60));
            body = "{\"account\":{}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
        }
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
