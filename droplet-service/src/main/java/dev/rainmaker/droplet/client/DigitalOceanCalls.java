package dev.rainmaker.droplet.client;

import java.util.concurrent.atomic.AtomicLong;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.ProvisionedCustomers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts calls to DigitalOcean ({@code rainmaker.digitalocean.calls}, by HTTP method and outcome), the 429s among
 * them ({@code rainmaker.digitalocean.rate-limited}) and customers given an active droplet
 * ({@code rainmaker.droplet.customers-provisioned}), and shows {@code rainmaker.digitalocean.calls-per-customer}.
 */
@ApplicationScoped
public class DigitalOceanCalls implements ProvisionedCustomers {

    static final String METRIC = "rainmaker.digitalocean.calls";
    static final String RATE_LIMITED = "rainmaker.digitalocean.rate-limited";
    static final String CUSTOMERS = "rainmaker.droplet.customers-provisioned";
    static final String PER_CUSTOMER = "rainmaker.digitalocean.calls-per-customer";

    private final MeterRegistry registry;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong customers = new AtomicLong();

    public DigitalOceanCalls(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(PER_CUSTOMER, this, DigitalOceanCalls::callsPerCustomer)
                .description("Calls to the DigitalOcean API per customer given an active droplet")
                .register(registry);
    }

    void count(String method, String outcome) {
        calls.incrementAndGet();
        Counter.builder(METRIC)
                .description("Calls to the DigitalOcean API")
                .tag("method", method)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
        Counter.builder(RATE_LIMITED)
                .description("429 answers received from DigitalOcean (each waited out and sent again)")
                .register(registry)
                .increment();
    }

    @Override
    public void customerProvisioned() {
        customers.incrementAndGet();
        Counter.builder(CUSTOMERS)
                .description("Customers whose droplet was reported active")
                .register(registry)
                .increment();
    }

    public long calls() {
        return calls.get();
    }

    public long rateLimitedCalls() {
        return rateLimited.get();
    }

    public double callsPerCustomer() {
        long provisioned = customers.get();
        return provisioned == 0 ? 0 : (double) calls.get() / provisioned;
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
