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

    public DoorMetrics(MeterRegistry registry) {
        this.registry = registry;
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

    /**
     * Times one wait of a new sign-up: {@code read-to-end} (the ledger reading the sign-up topic up to where it ended
     * when asked) or {@code publish} (Kafka acknowledging the sign-up).
     */
    public void timeWait(String step, Runnable wait) {
        Timer.builder("rainmaker.api.signup.wait")
                .description("What a new sign-up waited for at the door, by step: read-to-end or publish")
                .tag("step", step)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(wait);
    }
}
