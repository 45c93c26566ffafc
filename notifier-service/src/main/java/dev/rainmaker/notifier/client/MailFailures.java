package dev.rainmaker.notifier.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;

import io.vertx.ext.mail.SMTPException;

/** Which failures of an SMTP send are temporary: the server's 4xx answers, and not reaching it at all. */
final class MailFailures {

    private MailFailures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp.isTransient();
            }
            if (cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
