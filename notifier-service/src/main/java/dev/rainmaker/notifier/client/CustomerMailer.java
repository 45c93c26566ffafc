package dev.rainmaker.notifier.client;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.notifier.config.NotifierConfig;
import dev.rainmaker.notifier.domain.ReadyEmail;
import dev.rainmaker.notifier.service.CustomerEmails;
import dev.rainmaker.notifier.service.MailUnavailable;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** Sends the customer's emails over SMTP, as text and HTML from the templates in {@code templates/CustomerMailer/}. */
@ApplicationScoped
public class CustomerMailer implements CustomerEmails {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance ready(
                String greetingName,
                String appUrl,
                String ipv4,
                String hostKeyFingerprint,
                List<String> adminUsers,
                String productName,
                String supportEmail);
    }

    private final NotifierConfig config;
    private final MailMetrics metrics;

    CustomerMailer(NotifierConfig config, MailMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void send(ReadyEmail email) {
        try {
            sendNow(email);
            metrics.sent("ready");
        } catch (RuntimeException e) {
            metrics.refused("ready", e);
            if (MailFailures.isTransient(e)) {
                throw new MailUnavailable("the mail server did not take the email for now: " + describe(e), e);
            }
            throw e;
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private void sendNow(ReadyEmail email) {
        Templates.ready(
                        email.greetingName(),
                        email.appUrl(),
                        email.ipv4(),
                        email.hostKeyFingerprint(),
                        email.adminUsers(),
                        config.productName(),
                        config.supportEmail())
                .to(email.to())
                .subject("Your " + config.productName() + " server is ready")
                .sendAndAwait();
    }
}
