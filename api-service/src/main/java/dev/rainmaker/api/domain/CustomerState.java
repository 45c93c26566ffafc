package dev.rainmaker.api.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as the SaaS app sees it: where provisioning stands, in the app's words, not ops'. */
@Schema(name = "Customer", description = "Where a customer's server stands.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerState(
        @Schema(required = true, example = "acme-42") String customerId,

        @Schema(
                required = true,
                enumeration = {"provisioning", "ready", "failed", "cancelled"},
                description =
                        "provisioning until ready or failed; cancelled comes with the lifecycle verbs (not sent yet).")
        String state,

        @Schema(
                enumeration = {"accepted", "creating-droplet", "hardening-host", "installing-stack", "emailing-customer"
                },
                description = "Where a provisioning customer is, or where a failed one stopped.")
        String stage,

        @Schema(description = "Since when the customer is in this state and stage (absent while accepted).")
        Instant since,

        @Schema(description = "Where the customer's app answers (ready only).", example = "http://203.0.113.10/")
        String url,

        @Schema(description = "The server's public IPv4 address (ready only).", example = "203.0.113.10")
        String ip,

        @Schema(
                description = "The SHA-256 fingerprint of the server's SSH host key, as ssh-keygen -l prints it"
                        + " (ready only).",
                example = "SHA256:uOtP4v1i0n3d2yE4a7Ckb0rC3yfB1Z0x4ZJ8n0b1k2Q")
        String hostKeyFingerprint,

        @Schema(description = "Why it failed, in words fit for the customer (failed only).")
        String reason) {

    public static final String PROVISIONING = "provisioning";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String ACCEPTED = "accepted";

    /** Just accepted: the sign-up is on the topic and no stage has taken it yet. */
    public static CustomerState accepted(String customerId) {
        return new CustomerState(customerId, PROVISIONING, ACCEPTED, null, null, null, null, null);
    }
}
