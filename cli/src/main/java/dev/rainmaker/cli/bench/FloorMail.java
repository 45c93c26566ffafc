package dev.rainmaker.cli.bench;

import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * One email per customer over SMTP, as notifier-service sends it: text and HTML alternatives of about the same size,
 * over a pool of connections kept open (the Quarkus mailer's pool holds up to 10).
 */
final class FloorMail implements AutoCloseable {

    private static final int CONNECTIONS = 10;
    private static final String TEXT = "Your server is ready.\n".repeat(40);

    private final Session session;
    private final BlockingQueue<Transport> pool = new ArrayBlockingQueue<>(CONNECTIONS);

    FloorMail(int smtpPort) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        session = Session.getInstance(properties);
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                pool.add(session.getTransport("smtp"));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("no SMTP transport: " + e.getMessage(), e);
        }
    }

    void send(String customerId) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("noreply@rainmaker.example"));
            InternetAddress to = new InternetAddress(customerId + "@floor.example");
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject("Your server is ready");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(TEXT, "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<html><body><p>" + TEXT + "</p></body></html>", "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", text, html));
            message.saveChanges();
            Transport transport = pool.take();
            try {
                sendOver(transport, message, to);
            } finally {
                pool.add(transport);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("sending the floor's email failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Connects when first needed, and again when the server closed the connection while it was idle (the SMTP
     * transport's own check would cost a round trip per message).
     */
    private static void sendOver(Transport transport, MimeMessage message, InternetAddress to)
            throws MessagingException {
        if (!transport.isConnected()) {
            transport.connect();
        }
        try {
            transport.sendMessage(message, new InternetAddress[] {to});
        } catch (MessagingException closedWhileIdle) {
            transport.close();
            transport.connect();
            transport.sendMessage(message, new InternetAddress[] {to});
        }
    }

    @Override
    public void close() {
        for (Transport transport : pool) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // Closing after the run: nothing to tell.
            }
        }
    }
}
