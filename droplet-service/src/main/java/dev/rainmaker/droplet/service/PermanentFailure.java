package dev.rainmaker.droplet.service;

/**
 * What cannot succeed however often it is retried (an invalid sign-up, an unknown plan, DigitalOcean refusing the
 * request): the message goes to the dead-letter topic with this message, written for the person on call.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
