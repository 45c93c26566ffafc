package dev.rainmaker.notifier.client;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.notifier.config.NotifierConfig;
import dev.rainmaker.notifier.domain.ReadyEmail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** Sends the customer's emails over SMTP, as text and HTML from the templates in {@code templates/CustomerMailer/}. */
@ApplicationScoped
public class CustomerMailer {

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

    CustomerMailer(NotifierConfig config) {
        this.config = config;
    }

    public void send(ReadyEmail email) {
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
