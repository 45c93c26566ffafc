package dev.rainmaker.messaging;

import dev.rainmaker.events.AttemptCount;

/** How many tries a failure took: the first {@link AttemptCount} along its cause chain says, else it was tried once. */
final class Attempts {

    private Attempts() {}

    static int of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AttemptCount counted) {
                return counted.attempts();
            }
        }
        return 1;
    }
}
