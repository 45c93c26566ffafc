package dev.rainmaker.api.service;

import java.util.Optional;

import dev.rainmaker.api.domain.PastSignup;

/** The sign-ups the topic holds, as far as this instance has read it (api-service's sign-up ledger). */
public interface SignupHistory {

    Optional<PastSignup> byCustomer(String customerId);

    /** The sign-up {@code app} sent under {@code idempotencyKey}. */
    Optional<PastSignup> byKey(String app, String idempotencyKey);

    /**
     * Returns once everything on the topic as of this call has been read, so that a sign-up acknowledged by Kafka before
     * the call, through any instance, is known.
     *
     * @throws DoorUnavailableException when the topic cannot be read up to its end in time
     */
    void catchUp();

    /** Records a sign-up this instance just published, before the topic gives it back. */
    void remember(PastSignup signup);
}
