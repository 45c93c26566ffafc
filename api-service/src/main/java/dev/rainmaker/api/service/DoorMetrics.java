package dev.rainmaker.api.service;

import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code rainmaker_api_signups_total{app,outcome}}: what the door made of each sign-up; and
 * {@code rainmaker_api_signup_wait_seconds{step}}: what a new sign-up waited for before its answer.
 */
@ApplicationScoped
public class DoorMetrics {

    private final MeterRegistry registry;
    private final Timer readToEnd;
    private final Timer publish;

    public DoorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.readToEnd = waitTimer(registry, "read-to-end");
        this.publish = waitTimer(registry, "publish");
    }

    /** @param outcome accepted, replayed, malformed, invalid, conflict or unavailable */
    public void signup(String app, String outcome) {
        Counter.builder("rainmaker.api.signups")
                .description("Sign-ups through the API, by what became of them")
                .tag("app", app)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Times the ledger reading the sign-up topic up to where it ended when asked. */
    public void timeReadToEnd(Runnable wait) {
        readToEnd.record(wait);
    }

    /** Times Kafka acknowledging a new sign-up. */
    public void timePublish(Runnable wait) {
        publish.record(wait);
    }

    private static Timer waitTimer(MeterRegistry registry, String step) {
        return Timer.builder("rainmaker.api.signup.wait")
                .description("What a new sign-up waited for at the door, by step: read-to-end or publish")
                .tag("step", step)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }
}
