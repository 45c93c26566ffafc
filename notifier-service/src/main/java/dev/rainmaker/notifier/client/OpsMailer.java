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
    private final MailMetrics metrics;

    OpsMailer(NotifierConfig config, MailMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void send(List<FailureLine> failures) {
        String customers = failures.size() == 1 ? "1 customer" : failures.size() + " customers";
        try {
            Templates.digest(failures, config.productName())
                    .to(config.opsEmail())
                    .subject(config.productName() + ": provisioning failed for " + customers)
                    .sendAndAwait();
        } catch (RuntimeException e) {
            metrics.refused("digest", e);
            throw e;
        }
        metrics.sent("digest");
    }
}
