package dev.rainmaker.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordsInHandTests {

    private static final String CHANNEL = "hosts-hardened-in";
    private static final String TOPIC = "rainmaker.hosts-hardened";

    private final RecordsInHand recordsInHand = new RecordsInHand();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger handlings = new AtomicInteger();

    @Test
    void aRecordDeliveredAgainWhileInHandIsNotHandledTwiceAndIsAcknowledgedOnceTheFirstHandlingIsOver()
            throws Exception {
        CompletableFuture<Void> firstHandling = new CompletableFuture<>();

        CompletionStage<Void> first = recordsInHand.once(record(TOPIC, 3, 42), () -> {
            handlings.incrementAndGet();
            return firstHandling;
        });
        CompletionStage<Void> again = recordsInHand.once(record(TOPIC, 3, 42), this::handled);

        assertThat(handlings).as("handlings while the first is in hand").hasValue(1);
        assertThat(again.toCompletableFuture())
                .as("the second delivery, the first in hand")
                .isNotDone();
        assertThat(acks).hasValue(0);

        firstHandling.complete(null);

        again.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(first.toCompletableFuture()).isDone();
        assertThat(handlings).as("handlings of the record delivered twice").hasValue(1);
        assertThat(acks).as("the second delivery's acknowledgement").hasValue(1);
    }

    @Test
    void theSecondDeliveryWaitsAlsoForAFirstHandlingThatFails() throws Exception {
        CompletableFuture<Void> firstHandling = new CompletableFuture<>();
        recordsInHand.once(record(TOPIC, 0, 7), () -> firstHandling);
        CompletionStage<Void> again = recordsInHand.once(record(TOPIC, 0, 7), this::handled);

        firstHandling.completeExceptionally(new IllegalStateException("dead-lettering failed"));

        again.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(handlings).hasValue(0);
        assertThat(acks).hasValue(1);
    }

    @Test
    void aRecordDeliveredAgainAfterItsHandlingEndedIsHandledAgainAsAnyRedelivery() throws Exception {
        recordsInHand
                .once(record(TOPIC, 3, 42), this::handled)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        recordsInHand
                .once(record(TOPIC, 3, 42), this::handled)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(handlings).hasValue(2);
    }

    @Test
    void otherRecordsAndTheSameRecordOnAnotherChannelAreHandledAlongsideIt() {
        recordsInHand.once(record(TOPIC, 3, 42), CompletableFuture::new);

        recordsInHand.once(record(TOPIC, 3, 43), this::handled);
        recordsInHand.once(record(TOPIC, 4, 42), this::handled);
        recordsInHand.once(record("rainmaker.droplets-active", 3, 42), this::handled);
        recordsInHand.once(record("ready-customers", TOPIC, 3, 42), this::handled);
        recordsInHand.once(Message.of("not from Kafka"), this::handled);

        assertThat(handlings).hasValue(5);
    }

    @Test
    void aHandlingThatThrowsLeavesNothingInHand() throws Exception {
        try {
            recordsInHand.once(record(TOPIC, 1, 1), () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the stage's own exception, passed on
        }

        recordsInHand
                .once(record(TOPIC, 1, 1), this::handled)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(handlings).hasValue(1);
    }

    private CompletionStage<Void> handled() {
        handlings.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    private Message<String> record(String topic, int partition, long offset) {
        return record(CHANNEL, topic, partition, offset);
    }

    private Message<String> record(String channel, String topic, int partition, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, partition, offset, "customer-1", "{}");
        return Message.of("{}", Metadata.of(new IncomingKafkaRecordMetadata<>(record, channel)))
                .withAck(() -> {
                    acks.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                });
    }
}
