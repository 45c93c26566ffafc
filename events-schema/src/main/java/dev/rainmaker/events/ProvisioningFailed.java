package dev.rainmaker.events;

import java.time.Instant;

/**
 * A customer's provisioning stopped for good: a permanent failure, or a retry budget spent. The event that failed is in
 * the stage's dead-letter topic; this one tells ops (notifier-service) and tears down the droplet (droplet-service).
 *
 * @param signup the sign-up when the failing stage had a valid one; {@code null} when the sign-up itself was rejected
 * @param reason what went wrong, in plain words; never a secret
 * @param attempts how many times the stage tried before giving up
 * @param dropletId the customer's droplet when the failing stage knew it; {@code null} otherwise
 * @param failure permanent, or a stage budget spent; a record written before this field existed reads as permanent
 */
public record ProvisioningFailed(
        String customerId,
        SignupReceived signup,
        ProvisioningStage stage,
        String reason,
        int attempts,
        Long dropletId,
        Instant failedAt,
        FailureKind failure)
        implements RainmakerEvent {

    public ProvisioningFailed {
        failure = failure == null ? FailureKind.PERMANENT : failure;
    }

    /** A permanent failure. */
    public ProvisioningFailed(
            String customerId,
            SignupReceived signup,
            ProvisioningStage stage,
            String reason,
            int attempts,
            Long dropletId,
            Instant failedAt) {
        this(customerId, signup, stage, reason, attempts, dropletId, failedAt, FailureKind.PERMANENT);
    }
}
