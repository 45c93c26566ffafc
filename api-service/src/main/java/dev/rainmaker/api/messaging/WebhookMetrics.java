package dev.rainmaker.api.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.rainmaker.api.service.CloudEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One app's webhook meters: {@code rainmaker_webhook_deliveries_total{app,type,outcome}} and
 * {@code rainmaker_webhook_oldest_pending_seconds{app}}, the age of the delivery being retried (0 when none), which is
 * what an alert on a receiver down for long watches: the app's later events wait behind it.
 */
final class WebhookMetrics {

    static final String DELIVERIES = "rainmaker.webhook.deliveries";
    static final String OLDEST_PENDING = "rainmaker.webhook.oldest.pending";
    static final String DELIVERED = "delivered";
    static final String RETRIED = "retried";
    static final String DEAD_LETTERED = "dead_lettered";

    private final MeterRegistry registry;
    private final String app;
    private final Clock clock;
    /** When the delivery now being retried was first attempted; null when none is. */
    private final AtomicReference<Instant> pendingSince = new AtomicReference<>();

    WebhookMetrics(MeterRegistry registry, String app, Clock clock) {
        this.registry = registry;
        this.app = app;
        this.clock = clock;
        // Registered at 0 up front, so that rate() and absent() work before the first delivery.
        for (String type : List.of(CloudEvents.READY, CloudEvents.FAILED)) {
            for (String outcome : List.of(DELIVERED, RETRIED, DEAD_LETTERED)) {
                counter(type, outcome);
            }
        }
        Gauge.builder(OLDEST_PENDING, this, WebhookMetrics::oldestPendingSeconds)
                .baseUnit("seconds")
                .tag("app", app)
                .description("Age of the webhook delivery being retried, 0 when none")
                .register(registry);
    }

    void count(String type, String outcome) {
        counter(type, outcome).increment();
    }

    void pendingSince(Instant firstAttempt) {
        pendingSince.set(firstAttempt);
    }

    void nonePending() {
        pendingSince.set(null);
    }

    double oldestPendingSeconds() {
        Instant since = pendingSince.get();
        return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }

    private Counter counter(String type, String outcome) {
        return Counter.builder(DELIVERIES)
                .description("Webhook attempts by their outcome")
                .tag("app", app)
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry);
    }
}
