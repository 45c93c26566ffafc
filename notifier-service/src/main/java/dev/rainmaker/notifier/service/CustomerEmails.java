package dev.rainmaker.notifier.service;

import dev.rainmaker.notifier.domain.ReadyEmail;

/** Where the customer's email goes (SMTP in production). */
public interface CustomerEmails {

    /** @throws MailUnavailable when the mail server did not take it for now and trying again may succeed */
    void send(ReadyEmail email);
}
