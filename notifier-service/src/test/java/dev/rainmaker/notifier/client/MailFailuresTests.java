package dev.rainmaker.notifier.client;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailFailuresTests {

    @Test
    void aBusyServerOrNoServerIsTemporary() {
        assertThat(MailFailures.isTransient(new CompletionException(new SMTPException(
                        "421 Service shutting down", 421, List.of("421 Service shutting down"), false))))
                .isTrue();
        assertThat(MailFailures.isTransient(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void aRefusedRecipientOrAnyOtherFailureIsNot() {
        assertThat(MailFailures.isTransient(new CompletionException(
                        new SMTPException("550 No such user", 550, List.of("550 No such user"), false))))
                .isFalse();
        assertThat(MailFailures.isTransient(new IllegalStateException("template missing")))
                .isFalse();
    }
}
