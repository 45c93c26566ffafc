package dev.rainmaker.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test of the build (its name keeps surefire from running it): bursts of 1,000 new sign-ups, 64 requests at a
 * time as {@code ./rainmaker bench --via api} sends them, against api-service in this JVM with the broker beside it and
 * no pipeline, one after another, so that the figures show the door warming up. For each burst it prints sign-ups
 * accepted per second, the POST latencies, and the mean of each wait a new sign-up has at the door
 * ({@code rainmaker_api_signup_wait_seconds}). Run: {@code ./mvnw -pl api-service test -Dtest=DoorBurstBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Drainmaker.door.bursts=6}. Figures: docs/benchmarks.md.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DoorBurstBenchmark {

    private static final int SIGNUPS = 1000;
    private static final int CLIENTS = 64;

    @TestHTTPResource("/v1/customers")
    URI door;

    @Inject
    MeterRegistry registry;

    @Test
    void bursts() throws Exception {
        assumeTrue(System.getProperty("rainmaker.door.bursts") != null, "a benchmark: -Drainmaker.door.bursts=6");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int burst = 1; burst <= Integer.getInteger("rainmaker.door.bursts"); burst++) {
            Map<String, double[]> waitsBefore = waits();
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            post(http, "b" + burst, latencies, statuses);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long accepted = statuses.stream().filter(status -> status == 202).count();
            System.out.printf(
                    "burst %d: %d accepted in %.2f s: %.0f/s; POST p50 / p95 / p99 / max %.1f / %.1f / %.1f / %.1f ms;"
                            + " mean wait %s%n",
                    burst,
                    accepted,
                    seconds,
                    accepted / seconds,
                    sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() * 95 / 100),
                    sorted.get(sorted.size() * 99 / 100),
                    sorted.getLast(),
                    meanWaits(waitsBefore, waits()));
            assertThat(accepted).as("every sign-up of the burst accepted").isEqualTo(SIGNUPS);
            Thread.sleep(2000);
        }
    }

    private void post(
            HttpClient http,
            String prefix,
            ConcurrentLinkedQueue<Double> latencies,
            ConcurrentLinkedQueue<Integer> statuses) {
        Semaphore inFlight = new Semaphore(CLIENTS);
        List<CompletableFuture<?>> requests = new ArrayList<>();
        for (int i = 0; i < SIGNUPS; i++) {
            inFlight.acquireUninterruptibly();
            String id = prefix + "-c" + i;
            long sent = System.nanoTime();
            requests.add(http.sendAsync(request(id), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> {
                        inFlight.release();
                        latencies.add((System.nanoTime() - sent) / 1e6);
                        statuses.add(failure == null ? answer.statusCode() : -1);
                    }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
    }

    private HttpRequest request(String customerId) {
        String body = EventJson.write(TestEvents.signup(customerId));
        return HttpRequest.newBuilder(door)
                .header("Authorization", "Bearer acme-token-for-tests")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "key-" + customerId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Per step: how many waits so far and their total milliseconds. */
    private Map<String, double[]> waits() {
        Map<String, double[]> waits = new TreeMap<>();
        for (Timer timer : registry.find("rainmaker.api.signup.wait").timers()) {
            waits.put(
                    timer.getId().getTag("step"), new double[] {timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)});
        }
        return waits;
    }

    private static String meanWaits(Map<String, double[]> before, Map<String, double[]> after) {
        StringBuilder means = new StringBuilder();
        after.forEach((step, total) -> {
            double[] earlier = before.getOrDefault(step, new double[2]);
            means.append(String.format(
                    "%s%s %.1f ms",
                    means.isEmpty() ? "" : ", ", step, (total[1] - earlier[1]) / (total[0] - earlier[0])));
        });
        return means.toString();
    }
}
