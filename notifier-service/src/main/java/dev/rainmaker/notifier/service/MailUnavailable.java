package dev.rainmaker.notifier.service;

/** The mail server did not take an email for now (a 4xx answer, or no answer at all): trying again may succeed. */
public class MailUnavailable extends RuntimeException {

    public MailUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
