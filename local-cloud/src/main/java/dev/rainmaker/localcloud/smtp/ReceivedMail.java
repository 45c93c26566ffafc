package dev.rainmaker.localcloud.smtp;

import java.util.List;

/** One mail the SMTP stand-in received: its recipients, subject and text and HTML bodies (null when absent). */
public record ReceivedMail(List<String> to, String subject, String textBody, String htmlBody) {

    public ReceivedMail {
        to = List.copyOf(to);
    }
}
