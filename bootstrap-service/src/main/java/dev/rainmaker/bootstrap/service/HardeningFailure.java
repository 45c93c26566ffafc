package dev.rainmaker.bootstrap.service;

/**
 * A failure retrying cannot fix (host key mismatch, bad sign-up value, a step still unsatisfied after its change,
 * cloud-init in error): the event goes to the dead-letter topic with this message. Never carries a secret.
 */
public class HardeningFailure extends RuntimeException {

    public HardeningFailure(String message) {
        super(message);
    }

    public HardeningFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
