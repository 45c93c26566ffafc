package dev.rainmaker.messaging;

import java.nio.charset.StandardCharsets;

import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.ProvisioningStage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The headers a dead letter carries beside SmallRye's {@code dead-letter-reason}: the stage in words, the reason, the
 * tries made and the kind of failure ({@code permanent}, or {@code budget-spent} when a stage budget ran out). Passed with the nack, SmallRye's dead-letter strategy adds them to the record in {@code <topic>.dlq}.
 */
public final class DeadLetterHeaders {

    public static final String STAGE = "rainmaker-stage";
    public static final String REASON = "rainmaker-reason";
    public static final String ATTEMPTS = "rainmaker-attempts";
    public static final String FAILURE = "rainmaker-failure";

    private DeadLetterHeaders() {}

    static Metadata of(ProvisioningStage stage, String reason, int attempts, FailureKind kind) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(STAGE, stage.words().getBytes(StandardCharsets.UTF_8));
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ATTEMPTS, String.valueOf(attempts).getBytes(StandardCharsets.UTF_8));
        headers.add(FAILURE, kind.words().getBytes(StandardCharsets.UTF_8));
        return Metadata.of(
                OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }
}
