package dev.rainmaker.stack.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.AttemptCount;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * What happens when this service gives up on a record: it goes to the channel's dead-letter topic with headers saying
 * stage, reason and attempts in plain words (beside SmallRye's {@code dead-letter-reason}), and, when the customer is
 * known, a {@code ProvisioningFailed} is published first, so ops are told and the droplet is torn down.
 */
@ApplicationScoped
public class FailureReports {

    public static final String STAGE_HEADER = "rainmaker-stage";
    public static final String REASON_HEADER = "rainmaker-reason";
    public static final String ATTEMPTS_HEADER = "rainmaker-attempts";
    static final String CHANNEL = "provisioning-failed-out";
    private static final URI SOURCE = URI.create("rainmaker/stack-service");

    private static final Logger LOG = Logger.getLogger(FailureReports.class);

    private final MutinyEmitter<String> failures;

    FailureReports(@Channel(CHANNEL) MutinyEmitter<String> failures) {
        this.failures = failures;
    }

    /** A record that cannot even be read names no customer: it is only dead-lettered. */
    public CompletionStage<Void> unreadable(
            Message<String> message, ProvisioningStage stage, RuntimeException failure) {
        return message.nack(failure, deadLetterHeaders(stage, reasonOf(failure), 1));
    }

    /**
     * The stage gave up on a customer: {@code ProvisioningFailed} is on the broker before the record is dead-lettered (a
     * crash in between repeats both, which the alert and the teardown tolerate).
     */
    public CompletionStage<Void> failed(
            Message<String> message, ProvisioningStage stage, FailedCustomer customer, Throwable failure) {
        String reason = reasonOf(failure);
        int attempts = attemptsOf(failure);
        LOG.warnf(
                "customer %s failed while %s (%d attempts), dead-lettered: %s",
                customer.customerId(), stage.words(), attempts, reason);
        if (customer.customerId() != null && !customer.customerId().isBlank()) {
            publish(new ProvisioningFailed(
                    customer.customerId(),
                    customer.signup(),
                    stage,
                    reason,
                    attempts,
                    customer.dropletId(),
                    Instant.now()));
        }
        return message.nack(failure, deadLetterHeaders(stage, reason, attempts));
    }

    private void publish(ProvisioningFailed event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.customerId())
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withType(EventType.PROVISIONING_FAILED.cloudEventType())
                .withSource(SOURCE)
                .withSubject(event.customerId())
                .withTimestamp(ZonedDateTime.now())
                .build();
        failures.sendMessageAndAwait(Message.of(EventJson.write(event), Metadata.of(kafka, cloudEvent)));
    }

    private static Metadata deadLetterHeaders(ProvisioningStage stage, String reason, int attempts) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(STAGE_HEADER, stage.words().getBytes(StandardCharsets.UTF_8));
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ATTEMPTS_HEADER, String.valueOf(attempts).getBytes(StandardCharsets.UTF_8));
        return Metadata.of(
                OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }

    private static String reasonOf(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    /** Tries the stage made in place before giving up; 1 when it did not retry. */
    private static int attemptsOf(Throwable failure) {
        return failure instanceof AttemptCount counted ? counted.attempts() : 1;
    }

    /** Who a failed record was about, as far as the stage knew. */
    public record FailedCustomer(String customerId, SignupReceived signup, Long dropletId) {}
}
