package dev.rainmaker.api.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.rainmaker.api.domain.DeliveryDecision;
import dev.rainmaker.api.domain.ReceiverAnswer;
import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.api.domain.WebhookTarget;

/**
 * One attempt of a pending delivery and what follows it: delivered on a 2xx, otherwise another attempt when the retry
 * schedule says, or the dead-letter topic once it says to give up. Knows nothing of Kafka, so the whole retry policy is
 * tested without a broker or a receiver.
 */
public final class WebhookDeliveries {

    /** Sends one attempt: {@code WebhookClient} in the service, a stub in tests. */
    @FunctionalInterface
    public interface Sender {
        ReceiverAnswer send(WebhookTarget target, WebhookEvent event);
    }

    private final Sender sender;
    private final RetrySchedule schedule;
    private final Clock clock;

    public WebhookDeliveries(Sender sender, RetrySchedule schedule, Clock clock) {
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The first attempt is due now. */
    public PendingDelivery start(WebhookEvent event) {
        return new PendingDelivery(event, clock.instant());
    }

    /** Makes the attempt now (the caller waited for {@code pending.nextAttempt()}) and records its outcome. */
    public DeliveryDecision attempt(PendingDelivery pending, WebhookTarget target) {
        pending.attempted(clock.instant());
        ReceiverAnswer answer = sender.send(target, pending.event());
        if (answer.delivered()) {
            return new DeliveryDecision.Delivered();
        }
        String failure = answer.describe();
        Instant failedAt = clock.instant();
        Optional<Instant> next = schedule.next(pending.firstAttempt(), pending.attempts(), failedAt);
        pending.failed(failure, next.orElse(failedAt));
        return next.<DeliveryDecision>map(at -> new DeliveryDecision.RetryAt(at, failure))
                .orElseGet(() -> new DeliveryDecision.GiveUp(failure));
    }
}
