package dev.rainmaker.cli.bench;

import dev.rainmaker.localcloud.smtp.ReceivedMail;
import dev.rainmaker.localcloud.smtp.SmtpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FloorMailTests {

    @Test
    void sendsOneEmailWithTextAndHtmlPerCustomerOverPooledConnections() {
        try (var smtp = SmtpServer.onFreePort().start();
                var mail = new FloorMail(smtp.port())) {
            for (int i = 0; i < 25; i++) {
                mail.send("floor-" + i);
            }

            assertThat(smtp.receivedMessages()).hasSize(25);
            ReceivedMail first = smtp.receivedMessages().getFirst();
            assertThat(first.to()).containsExactly("floor-0@floor.example");
            assertThat(first.textBody()).contains("Your server is ready.");
            assertThat(first.htmlBody()).contains("<p>Your server is ready.");
        }
    }
}
