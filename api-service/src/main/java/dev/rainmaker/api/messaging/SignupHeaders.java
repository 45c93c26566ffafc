package dev.rainmaker.api.messaging;

/**
 * The headers api-service puts on the sign-ups it publishes: who sent each and how to know a retry of it. A sign-up
 * published straight to Kafka has none of them.
 */
final class SignupHeaders {

    static final String APP = "rainmaker-app";
    static final String IDEMPOTENCY_KEY = "rainmaker-idempotency-key";
    static final String REQUEST_SHA256 = "rainmaker-request-sha256";

    private SignupHeaders() {}
}
