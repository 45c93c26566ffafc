package dev.rainmaker.localcloud.smtp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void aListenerHearsOfEachMessageAsItIsTakenWithTheSendersPort() throws Exception {
        try (SmtpServer smtp = SmtpServer.onFreePort().start()) {
            List<SmtpServer.Delivery> deliveries = new CopyOnWriteArrayList<>();
            smtp.onDelivery(deliveries::add);

            int clientPort;
            try (Socket socket = new Socket("127.0.0.1", smtp.port())) {
                clientPort = socket.getLocalPort();
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
                reply(in);
                for (String line : List.of(
                        "HELO test",
                        "MAIL FROM:<rainmaker@rainmaker.localhost>",
                        "RCPT TO:<ops@acme.example>",
                        "DATA")) {
                    out.print(line + "\r\n");
                    out.flush();
                    reply(in);
                }
                out.print("Subject: hello\r\n\r\nhi\r\n.\r\n");
                out.flush();
                assertThat(reply(in)).startsWith("250");
            }

            assertThat(deliveries).containsExactly(new SmtpServer.Delivery("ops@acme.example", clientPort));
            assertThat(smtp.receivedMessages()).hasSize(1);
        }
    }

    /** The last line of the server's reply (a multi-line reply continues with '-' after the code). */
    private static String reply(BufferedReader in) throws java.io.IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line;
    }
}
