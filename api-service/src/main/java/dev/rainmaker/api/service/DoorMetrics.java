package dev.rainmaker.api.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code rainmaker_api_signups_total{app,outcome}}: what the door made of each sign-up. */
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
}
