package dev.rainmaker.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a service's readiness check ({@code /q/health/ready} at 127.0.0.1) to answer UP, as a probe would. */
public final class Readiness {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Readiness() {}

    /**
     * Polls every {@code poll} until the check answers 200; fails early with what {@code stopped} says once the service
     * is no longer running, and after {@code timeout} with the last answer and {@code whereToLook}.
     */
    public static void await(
            String name,
            int httpPort,
            Duration timeout,
            Duration poll,
            Supplier<Optional<String>> stopped,
            Supplier<String> whereToLook) {
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            Optional<String> why = stopped.get();
            if (why.isPresent()) {
                throw new IllegalStateException(name + " " + why.get() + " while starting; " + whereToLook.get());
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            ServiceProcess.sleep(poll);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s (last answer: "
                + lastAnswer + "); " + whereToLook.get());
    }
}
