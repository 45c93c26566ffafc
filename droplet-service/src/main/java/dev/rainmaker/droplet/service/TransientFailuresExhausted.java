package dev.rainmaker.droplet.service;

/** A transient failure that outlasted the retry budget: the message goes to the dead-letter topic, to be replayed. */
public class TransientFailuresExhausted extends RuntimeException {

    public TransientFailuresExhausted(String message, Throwable cause) {
        super(message, cause);
    }
}
