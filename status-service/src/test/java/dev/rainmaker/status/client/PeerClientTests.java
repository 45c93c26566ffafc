package dev.rainmaker.status.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import dev.rainmaker.status.domain.Peer;
import dev.rainmaker.status.service.ViewUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forwarding to another instance, against a real HTTP server standing for it. */
class PeerClientTests {

    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private HttpServer peer;

    @BeforeEach
    void startPeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/api/customers/", exchange -> {
            seen.put("path", exchange.getRequestURI().getRawPath());
            seen.put(
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("scope", String.valueOf(exchange.getRequestHeaders().getFirst(PeerClient.SCOPE_HEADER)));
            byte[] body = "{\"status\":404,\"detail\":\"no customer 'x y'\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
    }

    @Test
    void aForwardedQueryCarriesTheCallersCredentialsAndAsksForTheLocalAnswerWhichComesBackAsItCame() {
        PeerClient.PeerResponse answer = new PeerClient()
                .get(
                        new Peer("127.0.0.1", peer.getAddress().getPort(), false),
                        "/api/customers/x%20y",
                        "Basic b3BzOnNlY3JldA==");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("no customer 'x y'");
        assertThat(seen)
                .containsEntry("path", "/api/customers/x%20y")
                .containsEntry("authorization", "Basic b3BzOnNlY3JldA==")
                .containsEntry("scope", "local");
    }

    @Test
    void aPeerThatDoesNotAnswerMakesTheViewUnavailableNamingIt() {
        int port = peer.getAddress().getPort();
        peer.stop(0);

        assertThatThrownBy(() -> new PeerClient().get(new Peer("127.0.0.1", port, false), "/api/stages", null))
                .isInstanceOf(ViewUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }
}
