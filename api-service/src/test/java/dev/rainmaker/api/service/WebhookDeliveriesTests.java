package dev.rainmaker.api.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.rainmaker.api.domain.DeliveryDecision;
import dev.rainmaker.api.domain.ReceiverAnswer;
import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.api.domain.WebhookTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveriesTests {

    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");
    private static final WebhookTarget ACME = new WebhookTarget("acme", URI.create("http://127.0.0.1/hooks"), "s3cret");
    private static final WebhookEvent EVENT =
            new WebhookEvent("id-1", CloudEvents.READY, "hook-1", START, "{}".getBytes());

    private final MovableClock clock = new MovableClock(START);
    private final Deque<ReceiverAnswer> answers = new ArrayDeque<>();
    private final List<Instant> attemptTimes = new ArrayList<>();
    private final WebhookDeliveries deliveries = new WebhookDeliveries(
            (target, event) -> {
                attemptTimes.add(clock.instant());
                return answers.removeFirst();
            },
            new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24), () -> 0.0),
            clock);

    @Test
    void aTwoHundredAnswerOnTheFirstAttemptIsDelivered() {
        answers.add(ReceiverAnswer.status(204));
        PendingDelivery pending = deliveries.start(EVENT);

        assertThat(deliveries.attempt(pending, ACME)).isInstanceOf(DeliveryDecision.Delivered.class);
        assertThat(pending.attempts()).isEqualTo(1);
    }

    @Test
    void aFailureIsRetriedAfterTheInitialBackoffThenAfterTwiceThatWithTheFailureInWords() {
        answers.add(ReceiverAnswer.status(503));
        answers.add(ReceiverAnswer.noResponse("connection refused"));
        answers.add(ReceiverAnswer.status(200));
        PendingDelivery pending = deliveries.start(EVENT);

        assertThat(deliveries.attempt(pending, ACME))
                .isEqualTo(new DeliveryDecision.RetryAt(START.plusSeconds(1), "HTTP 503"));
        clock.moveTo(pending.nextAttempt());
        assertThat(deliveries.attempt(pending, ACME))
                .isEqualTo(new DeliveryDecision.RetryAt(START.plusSeconds(3), "connection refused"));
        clock.moveTo(pending.nextAttempt());
        assertThat(deliveries.attempt(pending, ACME)).isInstanceOf(DeliveryDecision.Delivered.class);

        assertThat(attemptTimes).containsExactly(START, START.plusSeconds(1), START.plusSeconds(3));
        assertThat(pending.firstAttempt()).isEqualTo(START);
    }

    @Test
    void aRedirectIsAFailureNotADelivery() {
        answers.add(ReceiverAnswer.status(302));

        assertThat(deliveries.attempt(deliveries.start(EVENT), ACME))
                .isEqualTo(new DeliveryDecision.RetryAt(START.plusSeconds(1), "HTTP 302"));
    }

    @Test
    void aReceiverDownForADayIsGivenUpAtTheDeadlineWithItsLastFailure() {
        PendingDelivery pending = deliveries.start(EVENT);
        DeliveryDecision decision;
        do {
            answers.add(ReceiverAnswer.status(503));
            clock.moveTo(pending.nextAttempt());
            decision = deliveries.attempt(pending, ACME);
        } while (decision instanceof DeliveryDecision.RetryAt);

        assertThat(decision).isEqualTo(new DeliveryDecision.GiveUp("HTTP 503"));
        assertThat(attemptTimes.getLast()).isEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(pending.lastFailure()).isEqualTo("HTTP 503");
        // The first, 9 after waits of 1 s to 256 s (511 s), 286 five minutes apart, and the last at the deadline.
        assertThat(pending.attempts()).isEqualTo(1 + 9 + 286 + 1);
    }

    /** A clock the test moves; the deliveries read it, never the system's. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void moveTo(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
