package dev.rainmaker.localcloud.smtp;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
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

    /**
     * A message the server is taking, as it takes it (just before it answers the client {@code 250}): for whom, and the
     * client's TCP port on 127.0.0.1 (-1 when unknown), which tells which process sent it.
     */
    public record Delivery(String recipient, int clientPort) {}

    /**
     * {@code listener} hears of every message as the server takes it, on the server's thread for that connection: a
     * slow listener delays the server's answer to the client.
     */
    public void onDelivery(Consumer<Delivery> listener) {
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler delivers = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            GreenMailUser user = delivers.handle(message, address);
            listener.accept(new Delivery(
                    address.getEmail(), clientPort(Thread.currentThread().getName())));
            return user;
        });
    }

    /** GreenMail names each connection's thread {@code <server><-/<client address>:<client port>}. */
    static int clientPort(String threadName) {
        int colon = threadName.lastIndexOf(':');
        if (!threadName.contains("<-") || colon < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(threadName.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
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
