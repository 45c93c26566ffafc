package dev.rainmaker.events.signup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ops@acme.example",
                "first.last@mail.acme.example",
                "ops+rainmaker@acme.example",
                "o'brien@acme.example",
                "x@a-b.example",
                "ops@xn--bcher-kva.example",
                "_@acme.io"
            })
    void mailboxesSmtpTakesAreTaken(String address) {
        assertThat(Mailbox.problem(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd@acme.example",
                ".ops@acme.example",
                "ops.@acme.example",
                "o..ps@acme.example",
                "\"quoted\"@acme.example",
                "ops@[192.0.2.1]",
                "ops@192.0.2.1",
                "ops@localhost",
                "ops@-acme.example",
                "ops@acme..example",
                "ops@acme.example.",
                "ops@bücher.example",
                "$(reboot)@acme.example",
                "ops @acme.example",
                "ops@acme.example\r\nRCPT TO:<x@y.example>",
                "@acme.example",
                "ops@",
                "opsacme.example"
            })
    void whatSmtpWouldRefuseOrWeWillNotSendToIsRefused(String address) {
        assertThat(Mailbox.problem(address)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 255})
    void overlongAddressesAreRefused(int localLength) {
        assertThat(Mailbox.problem("a".repeat(localLength) + "@acme.example")).isPresent();
    }
}
