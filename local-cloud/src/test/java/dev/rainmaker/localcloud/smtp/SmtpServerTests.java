package dev.rainmaker.localcloud.smtp;

import java.util.Properties;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpServerTests {

    @Test
    void aMailSentWithoutAuthenticationIsReceivedWithItsTextAndHtmlBodies() throws Exception {
        try (SmtpServer smtp = SmtpServer.onFreePort().start()) {
            assertThat(smtp.port()).isPositive();

            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(smtp.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("rainmaker@rainmaker.localhost"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("ops@acme.example"));
            message.setSubject("Your server is ready");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("It answers at http://203.0.113.17/", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(
                    "<p>It answers at <a href=\"http://203.0.113.17/\">your server</a></p>",
                    "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(message);

            assertThat(smtp.receivedMessages()).singleElement().satisfies(mail -> {
                assertThat(mail.to()).containsExactly("ops@acme.example");
                assertThat(mail.subject()).isEqualTo("Your server is ready");
                assertThat(mail.textBody()).isEqualTo("It answers at http://203.0.113.17/");
                assertThat(mail.htmlBody()).contains("<a href=\"http://203.0.113.17/\">");
            });
        }
    }
}
