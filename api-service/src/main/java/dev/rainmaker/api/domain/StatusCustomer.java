package dev.rainmaker.api.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of status-service's {@code GET /api/customers/{id}} the door reads ({@code CustomerView} there): states
 * {@code in-flight}, {@code ready}, {@code failed}, {@code torn-down}; stages {@code droplet}, {@code hardening},
 * {@code stack}, {@code email}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusCustomer(
        String customerId,
        String state,
        String stage,
        Instant since,
        String failedStage,
        String appUrl,
        Droplet droplet) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Droplet(String ip, String hostKeyFingerprint) {}
}
