package dev.rainmaker.notifier.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.notifier.domain.ReadyEmail;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadyNotifierTests {

    private static final Duration NO_WAIT = Duration.ofMillis(1);

    @Test
    void greetsByContactNameAndFallsBackToTheCustomerId() {
        assertThat(ReadyNotifier.greetingName("  Ada Lovelace ", "acme")).isEqualTo("Ada Lovelace");
        assertThat(ReadyNotifier.greetingName(null, "acme")).isEqualTo("acme");
        assertThat(ReadyNotifier.greetingName(" ", "acme")).isEqualTo("acme");
    }

    @Test
    void aMailServerBusyForAWhileIsTriedAgainAndTheCustomerToldOnce() {
        FlakyEmails emails = new FlakyEmails(2);
        ReadyNotifier notifier = new ReadyNotifier(emails, new SimpleMeterRegistry(), 4, NO_WAIT);

        var ready = notifier.notifyReady(stackInstalled("acme"));

        assertThat(ready.customerId()).isEqualTo("acme");
        assertThat(emails.attempts).isEqualTo(3);
        assertThat(emails.delivered).extracting(ReadyEmail::to).containsExactly("ada@acme.example");
    }

    @Test
    void aMailServerBusyForTooLongFailsTheCustomerSayingHowOftenItWasTried() {
        FlakyEmails emails = new FlakyEmails(10);
        ReadyNotifier notifier = new ReadyNotifier(emails, new SimpleMeterRegistry(), 4, NO_WAIT);

        assertThatThrownBy(() -> notifier.notifyReady(stackInstalled("acme")))
                .isInstanceOf(MailUnavailable.class)
                .hasMessageContaining("customer acme's email in 4 attempts")
                .hasMessageContaining("421 try later");
        assertThat(emails.attempts).isEqualTo(4);
        assertThat(emails.delivered).isEmpty();
    }

    @Test
    void anyOtherMailFailureIsNotTriedAgain() {
        List<ReadyEmail> tried = new ArrayList<>();
        ReadyNotifier notifier = new ReadyNotifier(
                email -> {
                    tried.add(email);
                    throw new IllegalStateException("550 no such mailbox");
                },
                new SimpleMeterRegistry(),
                4,
                NO_WAIT);

        assertThatThrownBy(() -> notifier.notifyReady(stackInstalled("acme"))).hasMessage("550 no such mailbox");
        assertThat(tried).hasSize(1);
    }

    /** Refuses the first {@code busyTimes} emails as a busy server does, then delivers. */
    private static final class FlakyEmails implements CustomerEmails {
        private final int busyTimes;
        private final List<ReadyEmail> delivered = new ArrayList<>();
        private int attempts;

        FlakyEmails(int busyTimes) {
            this.busyTimes = busyTimes;
        }

        @Override
        public void send(ReadyEmail email) {
            if (++attempts <= busyTimes) {
                throw new MailUnavailable("421 try later", null);
            }
            delivered.add(email);
        }
    }

    private static StackInstalled stackInstalled(String customerId) {
        SignupReceived signup = new SignupReceived(
                customerId,
                "ada@" + customerId + ".example",
                "Ada Lovelace",
                "starter",
                "Europe/Berlin",
                List.of(new AdminUser("ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq ada@laptop")));
        Droplet droplet = new Droplet(
                7L,
                "rm-" + customerId,
                "127.10.0.9",
                "fra1",
                "debian-12-x64",
                "s-1vcpu-1gb",
                "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        return new StackInstalled(signup, droplet, Map.of("nginx", "1.22.1"), "http://127.10.0.9/");
    }
}
