package dev.rainmaker.droplet.client;

import java.util.concurrent.atomic.AtomicLong;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.ProvisionedCustomers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts calls to DigitalOcean, in Prometheus {@code rainmaker_digitalocean_calls_total{method,endpoint,status,outcome}}
 * (endpoint: the path with ids and names replaced, e.g. {@code /v2/droplets/{id}}; status: the HTTP status, or
 * {@code none} when DigitalOcean did not answer; outcome: {@code success}, {@code rate-limited}, {@code client-error},
 * {@code server-error}, {@code no-answer}), the 429s among them ({@code rainmaker_digitalocean_rate_limited_total})
 * and customers given an active droplet ({@code rainmaker_droplet_customers_provisioned_total}), and shows
 * {@code rainmaker_digitalocean_calls_per_customer}.
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

    void count(String method, String pathAndQuery, int status) {
        count(method, pathAndQuery, String.valueOf(status), outcome(status));
    }

    void unanswered(String method, String pathAndQuery) {
        count(method, pathAndQuery, "none", "no-answer");
    }

    private void count(String method, String pathAndQuery, String status, String outcome) {
        calls.incrementAndGet();
        Counter.builder(METRIC)
                .description("Calls to the DigitalOcean API")
                .tag("method", method)
                .tag("endpoint", endpoint(pathAndQuery))
                .tag("status", status)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /**
     * The endpoint a call went to, with what varies per call replaced: {@code /v2/droplets/4012} is
     * {@code /v2/droplets/{id}}, {@code /v2/tags/rainmaker/resources} is {@code /v2/tags/{name}/resources}.
     */
    static String endpoint(String pathAndQuery) {
        String[] segments = pathAndQuery.replaceFirst("\\?.*", "").split("/", -1);
        // "", "v2", the collection, then the one item's id or name
        if (segments.length > 3) {
            segments[3] = "tags".equals(segments[2]) ? "{name}" : "{id}";
        }
        return String.join("/", segments);
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
