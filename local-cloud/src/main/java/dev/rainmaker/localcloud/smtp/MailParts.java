package dev.rainmaker.localcloud.smtp;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads a received MIME message into a {@link ReceivedMail}, finding the text and HTML parts at any depth. */
final class MailParts {

    private String text;
    private String html;

    private MailParts() {}

    static ReceivedMail read(MimeMessage message) {
        try {
            MailParts parts = new MailParts();
            parts.collect(message);
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            List<String> to = recipients == null
                    ? List.of()
                    : Arrays.stream(recipients).map(Address::toString).toList();
            return new ReceivedMail(to, message.getSubject(), parts.text, parts.html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("A received mail cannot be read: " + e.getMessage(), e);
        }
    }

    private void collect(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i));
            }
        } else if (part.isMimeType("text/html") && html == null) {
            html = (String) part.getContent();
        } else if (part.isMimeType("text/plain") && text == null) {
            text = (String) part.getContent();
        }
    }
}
