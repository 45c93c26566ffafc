package dev.rainmaker.droplet.service;

/**
 * A call to DigitalOcean that failed. {@link #isTransient() Transient} failures (429, 5xx, no answer in time) may succeed when
 * retried; for a create their outcome is unknown. The message names the call and DigitalOcean's answer, never the
 * token.
 */
public class DigitalOceanException extends RuntimeException {

    private final int status;
    private final boolean transientFailure;

    public DigitalOceanException(String message, int status, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    /** {@code e} as DigitalOcean's failure: anything else thrown by a call counts as no answer, transient. */
    public static DigitalOceanException of(RuntimeException e) {
        return e instanceof DigitalOceanException failure
                ? failure
                : new DigitalOceanException(e.toString(), 0, true, e);
    }

    /** The HTTP status DigitalOcean answered with, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean notFound() {
        return status == 404;
    }
}
