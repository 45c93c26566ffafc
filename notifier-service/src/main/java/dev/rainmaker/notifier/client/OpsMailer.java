package dev.rainmaker.notifier.client;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.notifier.config.NotifierConfig;
import dev.rainmaker.notifier.domain.FailureLine;
import dev.rainmaker.notifier.service.DigestSender;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** Sends ops the digest of failed provisionings, as text and HTML from {@code templates/OpsMailer/}. */
@ApplicationScoped
public class OpsMailer implements DigestSender {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance digest(List<FailureLine> failures, String productName);
    }

    private final NotifierConfig config;

    OpsMailer(NotifierConfig config) {
        this.config = config;
    }

    @Override
    public void send(List<FailureLine> failures) {
        String customers = failures.size() == 1 ? "1 customer" : failures.size() + " customers";
        Templates.digest(failures, config.productName())
                .to(config.opsEmail())
                .subject(config.productName() + ": provisioning failed for " + customers)
                .sendAndAwait();
    }
}
