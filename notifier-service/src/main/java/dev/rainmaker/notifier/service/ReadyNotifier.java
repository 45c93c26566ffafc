package dev.rainmaker.notifier.service;

import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.notifier.config.NotifierConfig;
import dev.rainmaker.notifier.domain.ReadyEmail;
import org.jboss.logging.Logger;

/**
 * Tells a customer that their server is ready. A mail server that does not take the email for now is tried again,
 * waiting twice as long each time, before the customer is given up on (and their droplet torn down).
 */
@ApplicationScoped
public class ReadyNotifier {

    private static final Logger LOG = Logger.getLogger(ReadyNotifier.class);

    private final CustomerEmails mailer;
    private final int attempts;
    private final Duration firstRetryDelay;

    @Inject
    ReadyNotifier(CustomerEmails mailer, NotifierConfig config) {
        this(mailer, config.mailAttempts(), config.mailRetryDelay());
    }

    ReadyNotifier(CustomerEmails mailer, int attempts, Duration firstRetryDelay) {
        this.mailer = mailer;
        this.attempts = attempts;
        this.firstRetryDelay = firstRetryDelay;
    }

    public CustomerReady notifyReady(StackInstalled stack) {
        var signup = stack.signup();
        send(
                signup.customerId(),
                new ReadyEmail(
                        signup.email(),
                        greetingName(signup.contactName(), signup.customerId()),
                        stack.appUrl(),
                        stack.droplet().publicIpv4(),
                        stack.droplet().hostKeyFingerprint(),
                        signup.adminUsers().stream()
                                .map(admin -> admin.username())
                                .toList()));
        LOG.infof("customer %s told that %s is ready", signup.customerId(), stack.appUrl());
        return new CustomerReady(signup, stack.droplet(), stack.appUrl());
    }

    private void send(String customerId, ReadyEmail email) {
        Duration delay = firstRetryDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                mailer.send(email);
                return;
            } catch (MailUnavailable e) {
                if (attempt >= attempts) {
                    throw new MailUnavailable(
                            "the mail server did not take customer " + customerId + "'s email in " + attempt
                                    + " attempts: " + e.getMessage(),
                            e);
                }
                LOG.warnf(
                        "customer %s: %s; trying again in %d ms (attempt %d of %d)",
                        customerId, e.getMessage(), delay.toMillis(), attempt + 1, attempts);
                pause(delay);
                delay = delay.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send an email again", e);
        }
    }

    static String greetingName(String contactName, String customerId) {
        return contactName == null || contactName.isBlank() ? customerId : contactName.strip();
    }
}
