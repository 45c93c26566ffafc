package dev.rainmaker.droplet.service;

import dev.rainmaker.events.AttemptCount;

/** A transient failure that outlasted the retry budget: the message goes to the dead-letter topic, to be replayed. */
public class TransientFailuresExhausted extends RuntimeException implements AttemptCount {

    private final int attempts;

    public TransientFailuresExhausted(String message, Throwable cause) {
        this(message, cause, 1);
    }

    public TransientFailuresExhausted(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** How many times the call was tried; 1 when the failure did not count them. */
    @Override
    public int attempts() {
        return attempts;
    }
}
