package dev.rainmaker.events;

import java.time.Instant;

/**
 * A fact, published by droplet-service after the compensation of a failure: the failed customer's droplet was destroyed
 * (or was gone already), so it no longer bills. Read by status-service to show the customer as torn down.
 *
 * @param reason why it was destroyed, in plain words (e.g. "failed while hardening the host: ..."); never a secret
 */
public record DropletTornDown(String customerId, long dropletId, String reason, Instant tornDownAt)
        implements RainmakerEvent {}
