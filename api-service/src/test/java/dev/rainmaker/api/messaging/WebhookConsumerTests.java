package dev.rainmaker.api.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rainmaker.api.domain.ReceiverAnswer;
import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.api.domain.WebhookTarget;
import dev.rainmaker.api.service.RetrySchedule;
import dev.rainmaker.api.service.WebhookDeliveries;
import dev.rainmaker.api.service.WebhookRouting;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.testing.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's contract with Kafka, on Kafka's mock clients (rebalances, pauses and acknowledgements on cue): what is
 * committed when, what happens to a delivery whose partition is taken away, and that a dead letter is acknowledged
 * before its offset is committed.
 */
class WebhookConsumerTests {

    private static final TopicPartition READY_0 = new TopicPartition(EventType.CUSTOMER_READY.topic(), 0);
    private static final TopicPartition FAILED_0 = new TopicPartition(EventType.PROVISIONING_FAILED.topic(), 0);
    private static final Duration SHORT = Duration.ofMillis(50);
    private static final WebhookTarget ACME = new WebhookTarget("acme", URI.create("http://127.0.0.1:9/h"), "s3cret");

    private final PollRecordingConsumer consumer = new PollRecordingConsumer();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    /** Answers the receiver gives, in order; 204 once they run out. */
    private final ConcurrentLinkedDeque<ReceiverAnswer> answers = new ConcurrentLinkedDeque<>();

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private Thread thread;
    private WebhookConsumer webhooks;

    /** One POST as the receiver saw it, and what Kafka had of the consumer at that moment. */
    record Attempt(WebhookEvent event, Map<TopicPartition, OffsetAndMetadata> committed) {}

    @AfterEach
    void stop() throws InterruptedException {
        webhooks.stop();
        thread.join(Duration.ofSeconds(10));
    }

    @Test
    void aDeliveredEventAndAnotherAppsAreCommittedAndOnlyTheOwnIsSent() {
        start(SHORT, () -> {
            consumer.rebalance(List.of(READY_0));
            consumer.addRecord(ready(0, "other-1"));
            consumer.addRecord(ready(1, "hook-1"));
        });

        awaitCommitted(READY_0, 2);
        assertThat(attempts).extracting(attempt -> attempt.event().customerId()).containsExactly("hook-1");
    }

    @Test
    void whileADeliveryWaitsForItsNextAttemptEveryPartitionIsPausedYetPolledAndNothingIsCommittedUntilItIsDelivered() {
        answers.add(ReceiverAnswer.status(503));
        answers.add(ReceiverAnswer.noResponse("connection refused"));
        start(SHORT, () -> {
            consumer.rebalance(List.of(READY_0, FAILED_0));
            consumer.addRecord(ready(0, "hook-1"));
        });

        awaitCommitted(READY_0, 1);
        assertThat(attempts).hasSize(3);
        assertThat(attempts)
                .allSatisfy(attempt -> assertThat(attempt.committed()).isEmpty());
        assertThat(attempts)
                .extracting(attempt -> attempt.event().id())
                .containsOnly(attempts.getFirst().event().id());
        assertThat(consumer.pausedAtPolls)
                .as("partitions paused at the polls while the delivery waited")
                .contains(Set.of(READY_0, FAILED_0));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> consumer.pausedAtPolls.getLast().isEmpty());
    }

    @Test
    void aPartitionRevokedWhileItsDeliveryWaitsDropsItAndTheNextOwnerSendsItWithTheSameId() {
        answers.add(ReceiverAnswer.status(503));
        // A wait far longer than the test: only the revocation can end it.
        start(Duration.ofMinutes(10), () -> {
            consumer.rebalance(List.of(READY_0));
            consumer.addRecord(ready(0, "hook-1"));
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts.size() == 1);

        // Taken away at the next poll, then given back, the broker serving the uncommitted record again.
        consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(READY_0));
            consumer.addRecord(ready(0, "hook-1"));
        });

        awaitCommitted(READY_0, 1);
        assertThat(attempts)
                .as("the dropped delivery is not tried again by this consumer: only the redelivery is")
                .hasSize(2);
        assertThat(attempts.get(1).event().id())
                .isEqualTo(attempts.get(0).event().id());
    }

    @Test
    void aGivenUpEventIsCommittedOnlyOnceItsDeadLetterIsAcknowledgedTriedAgainWhenItIsNot() {
        answers.add(ReceiverAnswer.status(503));
        start(SHORT, Duration.ZERO, () -> {
            consumer.rebalance(List.of(FAILED_0));
            consumer.addRecord(new ConsumerRecord<>(
                    FAILED_0.topic(), 0, 0, "hook-9", EventJson.write(TestEvents.failedCreatingDroplet("hook-9"))));
        });

        await().atMost(Duration.ofSeconds(15)).until(() -> producer.history().size() == 1);
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
        await().atMost(Duration.ofSeconds(15)).until(() -> producer.history().size() == 2);
        assertThat(consumer.committed(Set.of(FAILED_0)))
                .as("committed before the ack")
                .isEmpty();
        producer.completeNext();

        awaitCommitted(FAILED_0, 1);
        ProducerRecord<String, byte[]> letter = producer.history().getLast();
        assertThat(letter.topic()).isEqualTo("rainmaker.webhooks.dlq");
        assertThat(letter.key()).isEqualTo("hook-9");
        assertThat(letter.value()).isEqualTo(attempts.getFirst().event().body());
        assertThat(header(letter, "rainmaker-app")).isEqualTo("acme");
        assertThat(header(letter, "rainmaker-webhook-failure")).isEqualTo("HTTP 503");
        assertThat(header(letter, "rainmaker-webhook-attempts")).isEqualTo("1");
        assertThat(header(letter, "rainmaker-event-id"))
                .isEqualTo(attempts.getFirst().event().id());
    }

    private void start(Duration backoff, Runnable firstPoll) {
        start(backoff, Duration.ofHours(1), firstPoll);
    }

    private void start(Duration backoff, Duration giveUpAfter, Runnable firstPoll) {
        consumer.schedulePollTask(firstPoll);
        CustomerAppsByPrefix apps = new CustomerAppsByPrefix();
        var deliveries = new WebhookDeliveries(
                (target, event) -> {
                    attempts.add(new Attempt(event, consumer.committed(Set.of(READY_0, FAILED_0))));
                    ReceiverAnswer answer = answers.pollFirst();
                    return answer == null ? ReceiverAnswer.status(204) : answer;
                },
                new RetrySchedule(backoff, backoff.multipliedBy(2), giveUpAfter, () -> 0.0),
                Clock.systemUTC());
        webhooks = new WebhookConsumer(
                ACME,
                () -> consumer,
                new WebhookRouting(apps, Optional.empty()),
                deliveries,
                new WebhookDeadLetters(producer),
                new WebhookMetrics(new SimpleMeterRegistry(), "acme", Clock.systemUTC()),
                Clock.systemUTC(),
                Duration.ofMillis(50));
        thread = Thread.ofPlatform().name("webhooks-test").start(webhooks);
    }

    private void awaitCommitted(TopicPartition partition, long offset) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(consumer.committed(Set.of(partition)).get(partition))
                                .as("committed offset of %s", partition)
                                .isNotNull()
                                .extracting(OffsetAndMetadata::offset)
                                .isEqualTo(offset));
    }

    private static ConsumerRecord<String, String> ready(long offset, String customerId) {
        return new ConsumerRecord<>(
                READY_0.topic(), 0, offset, customerId, EventJson.write(TestEvents.ready(customerId, 7)));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** {@code hook-*} are acme's customers, {@code other-*} globex's. */
    static final class CustomerAppsByPrefix implements dev.rainmaker.api.service.CustomerApps {

        @Override
        public Optional<String> appOf(String customerId) {
            return customerId.startsWith("hook-")
                    ? Optional.of("acme")
                    : customerId.startsWith("other-") ? Optional.of("globex") : Optional.empty();
        }
    }

    /** Kafka's mock consumer, noting which partitions were paused at each poll. */
    static final class PollRecordingConsumer extends MockConsumer<String, String> {
        final List<Set<TopicPartition>> pausedAtPolls = new CopyOnWriteArrayList<>();

        PollRecordingConsumer() {
            super("earliest");
            updateBeginningOffsets(Map.of(READY_0, 0L, FAILED_0, 0L));
        }

        @Override
        public synchronized ConsumerRecords<String, String> poll(Duration timeout) {
            pausedAtPolls.add(Set.copyOf(paused()));
            return super.poll(timeout);
        }
    }
}
