package dev.rainmaker.api.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.rainmaker.api.service.PendingDelivery;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a given-up webhook to {@code rainmaker.webhooks.dlq}: the very body the receiver was sent, keyed by customer,
 * with the app, the last failure ({@code HTTP 503} or the kind of connection error: never a URL or the secret), the
 * attempts and the event id, so ops can see why and replay it with the same id.
 */
final class WebhookDeadLetters {

    static final String TOPIC = "rainmaker.webhooks.dlq";
    static final String APP = "rainmaker-app";
    static final String FAILURE = "rainmaker-webhook-failure";
    static final String ATTEMPTS = "rainmaker-webhook-attempts";
    static final String EVENT_ID = "rainmaker-event-id";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;

    WebhookDeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Returns once the broker acknowledged the letter (acks=all); throws when it did not. */
    void write(String app, PendingDelivery pending, String failure) {
        var record = new ProducerRecord<String, byte[]>(
                TOPIC, pending.event().customerId(), pending.event().body());
        record.headers()
                .add(APP, utf8(app))
                .add(FAILURE, utf8(failure))
                .add(ATTEMPTS, utf8(String.valueOf(pending.attempts())))
                .add(EVENT_ID, utf8(pending.event().id()));
        try {
            producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "the broker refused the webhook dead letter: "
                            + e.getCause().getClass().getSimpleName(),
                    e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the webhook dead letter in " + ACK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the webhook dead letter", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
