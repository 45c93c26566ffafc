package dev.rainmaker.notifier.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.notifier.domain.ReadyEmail;
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
        ReadyNotifier notifier = new ReadyNotifier(emails, 4, NO_WAIT);

        var ready = notifier.notifyReady(TestEvents.installed(TestEvents.signup("acme", "ada@acme.example"), 7));

        assertThat(ready.customerId()).isEqualTo("acme");
        assertThat(emails.attempts).isEqualTo(3);
        assertThat(emails.delivered).extracting(ReadyEmail::to).containsExactly("ada@acme.example");
    }

    @Test
    void aMailServerBusyForTooLongFailsTheCustomerSayingHowOftenItWasTried() {
        FlakyEmails emails = new FlakyEmails(10);
        ReadyNotifier notifier = new ReadyNotifier(emails, 4, NO_WAIT);

        assertThatThrownBy(() ->
                        notifier.notifyReady(TestEvents.installed(TestEvents.signup("acme", "ada@acme.example"), 7)))
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
                4,
                NO_WAIT);

        assertThatThrownBy(() ->
                        notifier.notifyReady(TestEvents.installed(TestEvents.signup("acme", "ada@acme.example"), 7)))
                .hasMessage("550 no such mailbox");
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
}
