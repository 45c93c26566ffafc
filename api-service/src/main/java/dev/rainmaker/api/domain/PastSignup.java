package dev.rainmaker.api.domain;

/**
 * A sign-up the topic already holds, as the door needs it to answer a retry: who sent it, under which idempotency key,
 * and the digest of what it said.
 *
 * @param app the SaaS app that sent it through the API; {@code null} when it was published straight to Kafka
 * @param idempotencyKey the key it came with (the customer id when it came without one); {@code null} without an app
 * @param requestSha256 hex SHA-256 of the sign-up's JSON as published; {@code null} without an app
 */
public record PastSignup(String customerId, String app, String idempotencyKey, String requestSha256) {}
