package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.SignupReceived;

/** A SaaS app calling api-service, as the README's curl does: {@code POST /v1/customers} with its bearer token. */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String token;

    public ApiClient(URI base, String token) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), base, token);
    }

    public ApiClient(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** Signs the customer up; the answer as it came (202 when accepted). */
    public HttpResponse<String> signUp(SignupReceived signup, Optional<String> idempotencyKey) {
        try {
            return http.send(request(EventJson.write(signup), idempotencyKey), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + base.resolve("/v1/customers") + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing up " + signup.customerId(), e);
        }
    }

    /** The same without waiting: for many at once. */
    public CompletableFuture<HttpResponse<String>> signUpAsync(String body, Optional<String> idempotencyKey) {
        return http.sendAsync(request(body, idempotencyKey), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /v1/customers/{id}}. */
    public HttpResponse<String> customer(String customerId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/customers/" + customerId))
                .header("Authorization", "Bearer " + token)
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + customerId, e);
        }
    }

    private HttpRequest request(String body, Optional<String> idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/customers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        idempotencyKey.ifPresent(key -> request.header("Idempotency-Key", key));
        return request.build();
    }
}
