package dev.rainmaker.stack.service;

import dev.rainmaker.events.AttemptCount;

/**
 * Something that retrying the same event cannot fix (bad input, host key mismatch, a step that keeps failing its
 * check). The message goes to the dead-letter topic: it says what failed where, and never contains a secret.
 */
public class PermanentFailure extends RuntimeException implements AttemptCount {

    private final int attempts;

    public PermanentFailure(String message) {
        this(message, 1);
    }

    /** A failure after {@code attempts} tries in place (e.g. connecting while the host boots). */
    public PermanentFailure(String message, int attempts) {
        super(message);
        this.attempts = attempts;
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
        this.attempts = 1;
    }

    @Override
    public int attempts() {
        return attempts;
    }
}
