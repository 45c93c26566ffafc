package dev.rainmaker.cli.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

import dev.rainmaker.cli.ApiClient;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.SignupReceived;

/**
 * A burst of sign-ups through api-service as many SaaS app workers send it: {@value #CLIENTS} requests in flight at
 * once, each {@code POST /v1/customers} timed from send to answer.
 */
final class ApiBurst {

    static final int CLIENTS = 64;

    /** What the burst got: how many were accepted (202), the other answers, how long it took, each latency in ms. */
    record Figures(int accepted, List<String> refused, Duration took, Percentiles latencyMillis, double maxMillis) {

        double acceptedPerSecond() {
            return accepted / (took.toNanos() / 1e9);
        }

        String describe() {
            return String.format(
                    "%d accepted (202) in %.2f s: %.0f sign-ups/s; POST latency p50/p95/p99 %.1f / %.1f / %.1f ms,"
                            + " max %.1f ms (%d clients at once)%s",
                    accepted,
                    took.toMillis() / 1000.0,
                    acceptedPerSecond(),
                    latencyMillis.p50(),
                    latencyMillis.p95(),
                    latencyMillis.p99(),
                    maxMillis,
                    CLIENTS,
                    refused.isEmpty() ? "" : "; " + refused.size() + " not accepted, first: " + refused.getFirst());
        }
    }

    private ApiBurst() {}

    static Figures post(ApiClient api, List<SignupReceived> signups) {
        List<String> bodies = signups.stream().map(EventJson::write).toList();
        Semaphore inFlight = new Semaphore(CLIENTS);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> requests = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            inFlight.acquireUninterruptibly();
            String customerId = signups.get(i).customerId();
            long sent = System.nanoTime();
            requests.add(api.signUpAsync(bodies.get(i), Optional.of("bench-" + customerId))
                    .whenComplete((answer, failure) -> {
                        inFlight.release();
                        latencies.add((System.nanoTime() - sent) / 1e6);
                        describeRefusal(customerId, answer, failure).ifPresent(refused::add);
                    }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Figures(
                bodies.size() - refused.size(),
                List.copyOf(refused),
                took,
                Percentiles.of(latencies),
                latencies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    private static Optional<String> describeRefusal(String customerId, HttpResponse<String> answer, Throwable failure) {
        if (failure != null) {
            return Optional.of(customerId + ": " + failure);
        }
        if (answer.statusCode() != 202) {
            return Optional.of(customerId + ": " + answer.statusCode() + " " + answer.body());
        }
        return Optional.empty();
    }
}
