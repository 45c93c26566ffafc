package dev.rainmaker.api.domain;

import java.time.Instant;

/**
 * One event for an app's webhook, as sent: a CloudEvent whose JSON {@code body} is computed once, so every attempt
 * (and the dead letter) carries the very same bytes.
 *
 * @param id the CloudEvent id, stable across redeliveries: the receiver dedupes by it
 * @param type {@code customer.ready} or {@code customer.failed}
 */
public record WebhookEvent(String id, String type, String customerId, Instant time, byte[] body) {}
