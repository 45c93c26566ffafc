package dev.rainmaker.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.notifier.client.CustomerMailer;
import dev.rainmaker.notifier.domain.ReadyEmail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/** Tells a customer that their server is ready. */
@ApplicationScoped
public class ReadyNotifier {

    private static final Logger LOG = Logger.getLogger(ReadyNotifier.class);

    private final CustomerMailer mailer;
    private final Counter emailsSent;

    ReadyNotifier(CustomerMailer mailer, MeterRegistry registry) {
        this.mailer = mailer;
        this.emailsSent = registry.counter("rainmaker.notifier.emails.sent");
    }

    public CustomerReady notifyReady(StackInstalled stack) {
        var signup = stack.signup();
        mailer.send(new ReadyEmail(
                signup.email(),
                greetingName(signup.contactName(), signup.customerId()),
                stack.appUrl(),
                stack.droplet().publicIpv4(),
                stack.droplet().hostKeyFingerprint(),
                signup.adminUsers().stream().map(admin -> admin.username()).toList()));
        emailsSent.increment();
        LOG.infof("customer %s told that %s is ready", signup.customerId(), stack.appUrl());
        return new CustomerReady(signup, stack.droplet(), stack.appUrl());
    }

    static String greetingName(String contactName, String customerId) {
        return contactName == null || contactName.isBlank() ? customerId : contactName.strip();
    }
}
