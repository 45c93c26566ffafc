package dev.rainmaker.status.service;

/** The view cannot answer for a moment (starting, restoring from its changelog, rebalancing): a 503, to retry. */
public class ViewUnavailableException extends RuntimeException {

    public ViewUnavailableException(String message) {
        super(message);
    }
}
