package dev.rainmaker.deadletters;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rainmaker.deadletters.DeadLetters.Filter;
import dev.rainmaker.deadletters.DeadLetters.Listed;
import dev.rainmaker.deadletters.Replay.Outcome;
import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/** Listing, filtering and replaying by filter and by position, against a real broker. */
class DeadLettersTests {

    static final String SIGNUPS = EventType.SIGNUP_RECEIVED.topic();
    static final String SIGNUPS_DLQ = EventType.SIGNUP_RECEIVED.deadLetterTopic();
    static final String HARDENED_DLQ = EventType.HOST_HARDENED.deadLetterTopic();

    private static KafkaBroker broker;
    private static TopicClient kafka;
    private static DeadLetters deadLetters;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.startEphemeral();
        kafka = new TopicClient(broker.bootstrapServers());
        deadLetters = DeadLetters.at(broker.bootstrapServers());
        kafka.publish(SIGNUPS_DLQ, "broken-1", "{not json", Map.of("dead-letter-reason", "the event is not JSON"));
        kafka.publish(
                SIGNUPS_DLQ,
                "broken-2",
                "{\"customerId\":\"broken-2\"}",
                Map.of(
                        "dead-letter-reason", "no email",
                        "rainmaker-stage", "checking the sign-up",
                        "rainmaker-attempts", "1",
                        "rainmaker-failure", "permanent"));
        kafka.publish(
                HARDENED_DLQ,
                "broken-2",
                "{}",
                Map.of(
                        "dead-letter-reason", "memcached listens on 0.0.0.0",
                        "rainmaker-attempts", "3",
                        "rainmaker-failure", "budget-spent"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.close();
    }

    static DeadLetter publishDeadLetter(TopicClient kafka, DeadLetters deadLetters, String customerId, String value) {
        kafka.publish(SIGNUPS_DLQ, customerId, value, Map.of("dead-letter-reason", "refused root login"));
        return deadLetters.list(new Filter(null, customerId)).getFirst().letter();
    }

    @Test
    void listsDeadLettersOfEveryTopicWithTheirHeadersAndFiltersByCustomerOrTopic() {
        assertThat(deadLetters.list(new Filter(null, "broken-2")))
                .extracting(Listed::letter)
                .extracting(
                        DeadLetter::originalTopic,
                        DeadLetter::reason,
                        DeadLetter::stage,
                        DeadLetter::attempts,
                        DeadLetter::failure)
                .containsExactlyInAnyOrder(
                        tuple(SIGNUPS, "no email", "checking the sign-up", 1, "permanent"),
                        tuple(
                                EventType.HOST_HARDENED.topic(),
                                "memcached listens on 0.0.0.0",
                                null,
                                3,
                                "budget-spent"));
        assertThat(deadLetters.list(new Filter(SIGNUPS, null)))
                .extracting(listed -> listed.letter().customerId())
                .contains("broken-1", "broken-2")
                .doesNotContain((String) null);
        assertThat(deadLetters.list(new Filter(SIGNUPS_DLQ, "broken-1")))
                .singleElement()
                .satisfies(listed -> {
                    assertThat(listed.replayed()).isFalse();
                    assertThat(listed.letter().value()).isEqualTo("{not json");
                    assertThat(listed.letter().reason()).isEqualTo("the event is not JSON");
                });
        assertThat(deadLetters.list(new Filter(EventType.CUSTOMER_READY.topic(), null)))
                .isEmpty();
    }

    @Test
    void replayByFilterSendsADeadLetterBackToItsTopicOnceWithKeyAndValueUnchanged() {
        DeadLetter letter = publishDeadLetter(kafka, deadLetters, "filtered-1", "{\"customerId\":\"filtered-1\"}");

        List<Replay> first = deadLetters.replay(new Filter(null, "filtered-1"));
        List<Replay> second = deadLetters.replay(new Filter(null, "filtered-1"));

        assertThat(first).singleElement().satisfies(replay -> {
            assertThat(replay.outcome()).isEqualTo(Outcome.REPLAYED);
            assertThat(replay.position()).isEqualTo(letter.position());
        });
        assertThat(second).isEmpty();
        assertThat(copiesOf("filtered-1")).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("{\"customerId\":\"filtered-1\"}");
            assertThat(record.header(DeadLetters.REPLAYED_FROM))
                    .isEqualTo(letter.position().toString());
        });
        assertThat(deadLetters.list(new Filter(null, "filtered-1")))
                .extracting(Listed::replayed)
                .containsExactly(true);
        assertThat(kafka.readCommitted(DeadLetters.REPLAY_LOG))
                .filteredOn(entry -> entry.key().equals(letter.position().toString()))
                .extracting(TopicRecord::value)
                .containsExactly("filtered-1");
    }

    @Test
    void replayByPositionSaysWhetherItReplayedAndRefusesASecondTime() {
        DeadLetter letter = publishDeadLetter(kafka, deadLetters, "positioned-1", "{}");

        Replay first = deadLetters.replay(letter.position());
        Replay second = deadLetters.replay(Position.parse(letter.position().toString()));

        assertThat(first.outcome()).isEqualTo(Outcome.REPLAYED);
        assertThat(first.letter()).contains(letter);
        assertThat(second.outcome()).isEqualTo(Outcome.ALREADY_REPLAYED);
        assertThat(second.letter()).contains(letter);
        assertThat(copiesOf("positioned-1")).hasSize(1);
    }

    @Test
    void aReplayLoggedTheOldWayWithoutATransactionStillCounts() {
        DeadLetter letter = publishDeadLetter(kafka, deadLetters, "logged-before", "{}");
        kafka.publish(DeadLetters.REPLAY_LOG, letter.position().toString(), "logged-before");

        assertThat(deadLetters.replay(letter.position()).outcome()).isEqualTo(Outcome.ALREADY_REPLAYED);
        assertThat(deadLetters.replay(new Filter(null, "logged-before"))).isEmpty();
        assertThat(copiesOf("logged-before")).isEmpty();
    }

    @Test
    void aPositionWithoutADeadLetterIsNoSuchDeadLetter() {
        DeadLetter letter = publishDeadLetter(kafka, deadLetters, "unknown-neighbour", "{}");
        Position known = letter.position();

        assertThat(List.of(
                        new Position(known.topic(), known.partition(), known.offset() + 1_000),
                        new Position(known.topic(), 999, 0),
                        new Position(EventType.DROPLET_ACTIVE.deadLetterTopic(), 0, 0),
                        new Position(SIGNUPS, known.partition(), 0),
                        new Position("rainmaker.no-such-topic.dlq", 0, 0)))
                .allSatisfy(position -> assertThat(deadLetters.replay(position))
                        .isEqualTo(new Replay(position, Outcome.NO_SUCH_DEAD_LETTER, Optional.empty())));
    }

    @Test
    void aPositionIsReadAsItIsWritten() {
        assertThat(Position.parse("rainmaker.signup-received.dlq/3/17")).isEqualTo(new Position(SIGNUPS_DLQ, 3, 17));
        assertThat(List.of("rainmaker.signup-received.dlq/3", "t/x/1", "t/1/-1", "/1/1", "t/1/1/1", "t/99999999999/1"))
                .allSatisfy(text -> assertThatIllegalArgumentException()
                        .isThrownBy(() -> Position.parse(text))
                        .withMessageContaining("a dead letter's"));
    }

    private static List<TopicRecord> copiesOf(String customerId) {
        return kafka.readCommitted(SIGNUPS).stream()
                .filter(record -> customerId.equals(record.key()))
                .toList();
    }
}
