package dev.rainmaker.status.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.status.domain.Peer;
import dev.rainmaker.status.service.ViewUnavailableException;

/**
 * Asks another instance of status-service for what its partitions hold, with the caller's own credentials (the same
 * {@code Authorization} header), and {@value #SCOPE_HEADER}{@code : local} so that it answers from its own store and
 * forwards nothing further.
 */
@ApplicationScoped
public class PeerClient {

    public static final String SCOPE_HEADER = "X-Rainmaker-Scope";
    public static final String LOCAL = "local";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The peer's answer to a GET of {@code pathAndQuery}, whatever its status. */
    public PeerResponse get(Peer peer, String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
                .timeout(TIMEOUT)
                .header(SCOPE_HEADER, LOCAL)
                .header("Accept", "application/json")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PeerResponse(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.body());
        } catch (IOException e) {
            throw new ViewUnavailableException("the instance at " + peer.host() + ":" + peer.port()
                    + ", which holds part of the view, did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewUnavailableException("interrupted while asking " + peer.host() + ":" + peer.port());
        }
    }

    /** A peer's answer as it came. */
    public record PeerResponse(int status, String contentType, String body) {

        public boolean ok() {
            return status == 200;
        }
    }
}
