package dev.rainmaker.bootstrap.service;

import dev.rainmaker.events.AttemptCount;

/**
 * A failure retrying cannot fix (host key mismatch, bad sign-up value, a step still unsatisfied after its change,
 * cloud-init in error): the event goes to the dead-letter topic with this message. Never carries a secret.
 */
public class HardeningFailure extends RuntimeException implements AttemptCount {

    private final int attempts;

    public HardeningFailure(String message) {
        this(message, 1);
    }

    /** A failure after {@code attempts} tries in place (e.g. connecting while the host boots). */
    public HardeningFailure(String message, int attempts) {
        super(message);
        this.attempts = attempts;
    }

    public HardeningFailure(String message, Throwable cause) {
        super(message, cause);
        this.attempts = 1;
    }

    @Override
    public int attempts() {
        return attempts;
    }
}
