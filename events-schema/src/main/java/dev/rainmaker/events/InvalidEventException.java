package dev.rainmaker.events;

/** An event that cannot be read: retrying cannot help, so it belongs in the dead-letter topic with this message. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
