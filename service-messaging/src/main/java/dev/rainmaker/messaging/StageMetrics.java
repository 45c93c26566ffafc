package dev.rainmaker.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.ProvisioningStage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What every stage counts, in Prometheus terms ({@code stage} is one word per stage, {@link #label}: {@code signup},
 * {@code droplet}, {@code hardening}, {@code stack}, {@code email}; no label ever names a customer):
 * <ul>
 *   <li>{@code rainmaker_stage_duration_seconds{stage,outcome}}: a record's handling, read to acked ({@code done}) or
 *       given up ({@code failed}, {@code unreadable}); a histogram, so p50/p95 come from {@code histogram_quantile}
 *   <li>{@code rainmaker_stage_latency_seconds{stage}}: from the record's publication to the stage done (waiting on
 *       the topic included): a customer's sign-up to ready is the sum of its stages' latencies
 *   <li>{@code rainmaker_stage_in_progress{stage}}: records being handled now
 *   <li>{@code rainmaker_stage_failure_attempts{stage}}: the attempts a stage made before giving a customer up
 *   <li>{@code rainmaker_provisioning_failed_total{stage,kind}} and {@code rainmaker_dead_letters_total{stage,topic}}
 *       (topic: the dead-letter topic)
 * </ul>
 */
@ApplicationScoped
public class StageMetrics {

    static final String DURATION = "rainmaker.stage.duration";
    static final String LATENCY = "rainmaker.stage.latency";
    static final String IN_PROGRESS = "rainmaker.stage.in-progress";
    static final String FAILURE_ATTEMPTS = "rainmaker.stage.failure-attempts";
    static final String PROVISIONING_FAILED = "rainmaker.provisioning-failed";
    static final String DEAD_LETTERS = "rainmaker.dead-letters";
    static final String DEAD_LETTER_SUFFIX = ".dlq";

    private static final Duration SHORTEST = Duration.ofMillis(10);
    private static final Duration LONGEST = Duration.ofHours(2);

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    public StageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The {@code stage} label of a stage: one word, the same as host-access's meters and status-service's gauges use
     * where they name the stage ({@code hardening}, {@code stack}, {@code email}).
     */
    public static String label(ProvisioningStage stage) {
        return switch (stage) {
            case VALIDATING_SIGNUP -> "signup";
            case CREATING_DROPLET -> "droplet";
            case HARDENING_HOST -> "hardening";
            case INSTALLING_STACK -> "stack";
            case EMAILING_CUSTOMER -> "email";
        };
    }

    /** A record of {@code stage} taken in hand: its handling ends with one of {@link Handling}'s methods. */
    public Handling started(ProvisioningStage stage, Message<?> message) {
        return started(stage, IncomingRecords.publishedAt(message));
    }

    /** As {@link #started(ProvisioningStage, Message)}, {@code publishedAt} the record's timestamp (null: unknown). */
    Handling started(ProvisioningStage stage, Instant publishedAt) {
        String label = label(stage);
        inProgressOf(label).incrementAndGet();
        return new Handling(label, publishedAt, System.nanoTime());
    }

    /** A message dead-lettered by a stage, or by another consumer ({@code stage} then says what it did). */
    public void deadLettered(String stage, Message<?> message) {
        deadLettered(stage, IncomingRecords.topicOf(message));
    }

    /** A record read from {@code topic} dead-lettered (to {@code topic}{@value #DEAD_LETTER_SUFFIX}). */
    public void deadLettered(String stage, String topic) {
        Counter.builder(DEAD_LETTERS)
                .description("Records dead-lettered, by stage and dead-letter topic")
                .tag("stage", stage)
                .tag("topic", topic + DEAD_LETTER_SUFFIX)
                .register(registry)
                .increment();
    }

    void provisioningFailed(ProvisioningStage stage, FailureKind kind, int attempts) {
        Counter.builder(PROVISIONING_FAILED)
                .description("Customers given up on (ProvisioningFailed published), by stage and kind of failure")
                .tag("stage", label(stage))
                .tag("kind", kind.words())
                .register(registry)
                .increment();
        DistributionSummary.builder(FAILURE_ATTEMPTS)
                .description("Attempts a stage made before giving a customer up")
                .tag("stage", label(stage))
                .register(registry)
                .record(attempts);
    }

    private AtomicInteger inProgressOf(String stage) {
        return inProgress.computeIfAbsent(stage, s -> {
            AtomicInteger records = new AtomicInteger();
            Gauge.builder(IN_PROGRESS, records, AtomicInteger::get)
                    .description("Records of the stage being handled now")
                    .tag("stage", s)
                    .strongReference(true)
                    .register(registry);
            return records;
        });
    }

    /** One record in hand: ends exactly once, as done, failed or unreadable. */
    public final class Handling {

        private final String stage;
        private final Instant publishedAt;
        private final long startedNanos;

        private Handling(String stage, Instant publishedAt, long startedNanos) {
            this.stage = stage;
            this.publishedAt = publishedAt;
            this.startedNanos = startedNanos;
        }

        public void done() {
            end("done");
            if (publishedAt != null) {
                Duration sincePublished = Duration.between(publishedAt, Instant.now());
                if (!sincePublished.isNegative()) {
                    histogram(Timer.builder(LATENCY)
                                    .description("From a stage's record published to the stage done, waiting included"))
                            .record(sincePublished);
                }
            }
        }

        public void failed() {
            end("failed");
        }

        public void unreadable() {
            end("unreadable");
        }

        private void end(String outcome) {
            inProgressOf(stage).decrementAndGet();
            histogram(Timer.builder(DURATION)
                            .description("Handling of a stage's record, read to acknowledged or given up")
                            .tag("outcome", outcome))
                    .record(Duration.ofNanos(System.nanoTime() - startedNanos));
        }

        private Timer histogram(Timer.Builder builder) {
            return builder.tag("stage", stage)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(SHORTEST)
                    .maximumExpectedValue(LONGEST)
                    .register(registry);
        }
    }
}
