package dev.rainmaker.droplet.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts calls to DigitalOcean ({@code rainmaker.digitalocean.calls}) by HTTP method and outcome. */
@ApplicationScoped
public class DigitalOceanCalls {

    static final String METRIC = "rainmaker.digitalocean.calls";

    private final MeterRegistry registry;

    DigitalOceanCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String method, String outcome) {
        Counter.builder(METRIC)
                .description("Calls to the DigitalOcean API")
                .tag("method", method)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "success";
        }
        if (status == 429) {
            return "rate-limited";
        }
        if (status >= 500) {
            return "server-error";
        }
        return "client-error";
    }
}
