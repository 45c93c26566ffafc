package dev.rainmaker.notifier.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Emails handed to the mail server, in Prometheus {@code rainmaker_notifier_emails_sent_total{email}} and those it did
 * not take, {@code rainmaker_notifier_emails_refused_total{email,kind}} ({@code email}: {@code ready} or
 * {@code digest}; {@code kind}: {@code transient}, tried again, or {@code permanent}). Counts attempts, not customers.
 */
@ApplicationScoped
public class MailMetrics {

    static final String SENT = "rainmaker.notifier.emails.sent";
    static final String REFUSED = "rainmaker.notifier.emails.refused";

    private final MeterRegistry registry;

    public MailMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(String email) {
        Counter.builder(SENT)
                .description("Emails the mail server took")
                .tag("email", email)
                .register(registry)
                .increment();
    }

    void refused(String email, Throwable failure) {
        Counter.builder(REFUSED)
                .description("Emails the mail server did not take (or could not be reached for)")
                .tag("email", email)
                .tag("kind", MailFailures.isTransient(failure) ? "transient" : "permanent")
                .register(registry)
                .increment();
    }
}
