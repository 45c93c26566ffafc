package dev.rainmaker.stack.service;

/**
 * Something that retrying the same event cannot fix (bad input, host key mismatch, a step that keeps failing its
 * check). The message goes to the dead-letter topic: it says what failed where, and never contains a secret.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
