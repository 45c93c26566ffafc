package dev.rainmaker.localcloud.smtp;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on 127.0.0.1 without authentication, whose received mail tests read back. */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** An SMTP server on a free port. */
    public static SmtpServer onFreePort() {
        return new SmtpServer(greenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()));
    }

    /** An SMTP server on {@code port}. */
    public static SmtpServer onPort(int port) {
        return new SmtpServer(greenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
    }

    private static GreenMail greenMail(ServerSetup setup) {
        return new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public SmtpServer start() {
        greenMail.start();
        return this;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received so far, in the order received. */
    public List<ReceivedMail> receivedMessages() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(MailParts::read)
                .toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
