package dev.rainmaker.messaging;

import java.time.Instant;
import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.RainmakerEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * What happens when a service gives up on a record: it goes to the channel's dead-letter topic with
 * {@link DeadLetterHeaders} saying stage, reason and attempts in plain words, and, when the customer is known, a
 * {@code ProvisioningFailed} is published first (on the channel {@value #CHANNEL}), so ops are told and the droplet is
 * torn down.
 */
@ApplicationScoped
public class FailureReports {

    /** The outgoing channel every service maps to {@code rainmaker.provisioning-failed}. */
    public static final String CHANNEL = "provisioning-failed-out";

    private static final Logger LOG = Logger.getLogger(FailureReports.class);

    private final MutinyEmitter<String> failures;
    private final EventMessages messages;
    private final StageMetrics metrics;

    FailureReports(@Channel(CHANNEL) MutinyEmitter<String> failures, EventMessages messages, StageMetrics metrics) {
        this.failures = failures;
        this.messages = messages;
        this.metrics = metrics;
    }

    /** A record that cannot even be read names no customer: it is only dead-lettered. */
    public CompletionStage<Void> unreadable(
            Message<String> message, ProvisioningStage stage, RuntimeException failure) {
        metrics.deadLettered(StageMetrics.label(stage), message);
        return message.nack(failure, DeadLetterHeaders.of(stage, reasonOf(failure), 1, FailureKind.PERMANENT));
    }

    /**
     * The stage gave up on the customer of {@code event} (the record as read): {@code ProvisioningFailed} is on the broker
     * before the record is dead-lettered (a crash in between repeats both, which the alert and the teardown tolerate).
     */
    public CompletionStage<Void> failed(
            Message<String> message, ProvisioningStage stage, RainmakerEvent event, Throwable failure) {
        FailedCustomer customer = FailedCustomer.of(event);
        String reason = reasonOf(failure);
        int attempts = Attempts.of(failure);
        FailureKind kind = FailureKind.of(failure);
        LOG.warnf(
                "customer %s failed while %s (%s, %d attempts), dead-lettered: %s",
                customer.customerId(), stage.words(), kind.words(), attempts, reason);
        if (customer.isKnown()) {
            failures.sendMessageAndAwait(messages.of(new ProvisioningFailed(
                    customer.customerId(),
                    customer.signup(),
                    stage,
                    reason,
                    attempts,
                    customer.dropletId(),
                    Instant.now(),
                    kind)));
            metrics.provisioningFailed(stage, kind, attempts);
        }
        metrics.deadLettered(StageMetrics.label(stage), message);
        return message.nack(failure, DeadLetterHeaders.of(stage, reason, attempts, kind));
    }

    private static String reasonOf(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
