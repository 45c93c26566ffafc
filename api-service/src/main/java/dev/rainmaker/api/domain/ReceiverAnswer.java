package dev.rainmaker.api.domain;

/**
 * What a receiver made of one POST: its HTTP status, or why there was none (connection refused, timeout).
 *
 * @param status the HTTP status; 0 when no response came
 * @param error why no response came; null when one did
 */
public record ReceiverAnswer(int status, String error) {

    public static ReceiverAnswer status(int status) {
        return new ReceiverAnswer(status, null);
    }

    public static ReceiverAnswer noResponse(String error) {
        return new ReceiverAnswer(0, error);
    }

    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** For logs and the dead letter: {@code HTTP 503} or the error. */
    public String describe() {
        return error == null ? "HTTP " + status : error;
    }
}
