package dev.rainmaker.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.rainmaker.deadletters.Replay.Outcome;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.deadletters.DeadLettersTests.SIGNUPS;
import static dev.rainmaker.deadletters.DeadLettersTests.publishDeadLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Never twice" between replayers that do not know of each other: other threads, producers, processes. */
class ConcurrentReplayTests {

    private static final int REPLAYERS = 8;

    private static KafkaBroker broker;
    private static TopicClient kafka;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.startEphemeral();
        kafka = new TopicClient(broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.close();
    }

    @Test
    void replayersRacingForTheSameDeadLetterSendItExactlyOnce() throws Exception {
        DeadLetter letter = publishDeadLetter(kafka, DeadLetters.at(broker.bootstrapServers()), "raced-1", "{}");
        CountDownLatch go = new CountDownLatch(1);
        List<Outcome> outcomes;
        try (ExecutorService replayers = Executors.newFixedThreadPool(REPLAYERS)) {
            List<Future<Outcome>> running = IntStream.range(0, REPLAYERS)
                    .mapToObj(replayer -> replayers.submit(() -> {
                        // each its own instance, as the CLI and two status-service processes would be
                        DeadLetters own = DeadLetters.at(broker.bootstrapServers());
                        go.await();
                        return replayer % 2 == 0
                                ? own.replay(letter.position()).outcome()
                                : own.replay(new DeadLetters.Filter(null, "raced-1")).stream()
                                        .map(Replay::outcome)
                                        .findFirst()
                                        .orElse(Outcome.ALREADY_REPLAYED);
                    }))
                    .toList();
            go.countDown();
            outcomes = running.stream().map(ConcurrentReplayTests::outcome).toList();
        }

        assertThat(outcomes).containsOnlyOnce(Outcome.REPLAYED).hasSize(REPLAYERS);
        assertThat(outcomes).filteredOn(outcome -> outcome != Outcome.REPLAYED).containsOnly(Outcome.ALREADY_REPLAYED);
        assertThat(committedCopiesOf("raced-1")).hasSize(1);
        assertThat(kafka.readCommitted(DeadLetters.REPLAY_LOG))
                .filteredOn(entry -> entry.key().equals(letter.position().toString()))
                .hasSize(1);
    }

    @Test
    void aReplayLeftOpenByAReplayerThatDiedIsFencedAndCountsForNothing() {
        DeadLetter letter = publishDeadLetter(kafka, DeadLetters.at(broker.bootstrapServers()), "abandoned-1", "{}");
        String position = letter.position().toString();
        try (KafkaProducer<String, String> died = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                letter.position().transactionalId(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            died.initTransactions();
            died.beginTransaction();
            var copy = new ProducerRecord<>(SIGNUPS, "abandoned-1", "{}");
            copy.headers().add(DeadLetters.REPLAYED_FROM, position.getBytes(StandardCharsets.UTF_8));
            died.send(copy);
            died.send(new ProducerRecord<>(DeadLetters.REPLAY_LOG, position, "abandoned-1"));
            died.flush();

            Replay replay = DeadLetters.at(broker.bootstrapServers()).replay(letter.position());

            assertThat(replay.outcome()).isEqualTo(Outcome.REPLAYED);
            assertThatThrownBy(died::commitTransaction).isInstanceOf(KafkaException.class);
        }
        assertThat(committedCopiesOf("abandoned-1")).hasSize(1);
        assertThat(kafka.readAll(SIGNUPS))
                .as("the abandoned copy is in the log, aborted; read_committed consumers skip it")
                .filteredOn(record -> "abandoned-1".equals(record.key()))
                .hasSize(2);
    }

    private static List<TopicRecord> committedCopiesOf(String customerId) {
        return kafka.readCommitted(SIGNUPS).stream()
                .filter(record -> customerId.equals(record.key()))
                .toList();
    }

    private static Outcome outcome(Future<Outcome> replay) {
        try {
            return replay.get();
        } catch (Exception e) {
            throw new AssertionError("a replayer failed: " + e, e);
        }
    }
}
