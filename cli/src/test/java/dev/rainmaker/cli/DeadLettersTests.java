package dev.rainmaker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.rainmaker.cli.DeadLetters.Filter;
import dev.rainmaker.cli.DeadLetters.Listed;
import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

    private static final String SIGNUPS = EventType.SIGNUP_RECEIVED.topic();
    private static final String SIGNUPS_DLQ = EventType.SIGNUP_RECEIVED.deadLetterTopic();

    private static KafkaBroker broker;
    private static TopicClient kafka;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.startEphemeral();
        kafka = new TopicClient(broker.bootstrapServers());
        kafka.publish(SIGNUPS_DLQ, "broken-1", "{not json", Map.of("dead-letter-reason", "the event is not JSON"));
        kafka.publish(
                SIGNUPS_DLQ, "broken-2", "{\"customerId\":\"broken-2\"}", Map.of("dead-letter-reason", "no email"));
        kafka.publish(
                EventType.HOST_HARDENED.deadLetterTopic(),
                "broken-2",
                "{}",
                Map.of("dead-letter-reason", "memcached listens on 0.0.0.0"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.close();
    }

    @Test
    void listsDeadLettersOfEveryTopicWithTheirReasonAndFiltersByCustomerOrTopic() {
        DeadLetters deadLetters = new DeadLetters(kafka);

        assertThat(deadLetters.list(new Filter(null, "broken-2")))
                .extracting(listed ->
                        listed.letter().originalTopic() + ": " + listed.letter().reason())
                .containsExactlyInAnyOrder(
                        SIGNUPS + ": no email", EventType.HOST_HARDENED.topic() + ": memcached listens on 0.0.0.0");
        assertThat(deadLetters.list(new Filter(SIGNUPS, null)))
                .extracting(listed -> listed.letter().customerId())
                .containsExactlyInAnyOrder("broken-1", "broken-2");
        assertThat(deadLetters.list(new Filter(SIGNUPS_DLQ, "broken-1"))).hasSize(1);
    }

    @Test
    void replaySendsADeadLetterBackToItsTopicOnceWithKeyAndValueUnchanged() {
        DeadLetters deadLetters = new DeadLetters(kafka);

        List<DeadLetter> first = deadLetters.replay(new Filter(null, "broken-1"));
        List<DeadLetter> second = deadLetters.replay(new Filter(null, "broken-1"));

        assertThat(first).extracting(DeadLetter::customerId).containsExactly("broken-1");
        assertThat(second).isEmpty();
        List<TopicRecord> replayed = kafka.readAll(SIGNUPS).stream()
                .filter(record -> "broken-1".equals(record.key()))
                .toList();
        assertThat(replayed).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("{not json");
            assertThat(record.header(DeadLetters.REPLAYED_FROM))
                    .isEqualTo(first.getFirst().position());
        });
        assertThat(deadLetters.list(new Filter(null, "broken-1")))
                .extracting(Listed::replayed)
                .containsExactly(true);
    }

    @Test
    void theCommandSaysWhatFailedAndWhy() {
        var output = new ByteArrayOutputStream();

        int status = RainmakerCli.commandLine(
                        Path.of("does-not-exist"), new PrintStream(output, true, StandardCharsets.UTF_8))
                .execute("dlq", "list", "--customer", "broken-2", "--kafka", broker.bootstrapServers());

        assertThat(status).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("rainmaker.signup-received", "broken-2", "no email")
                .contains("rainmaker.host-hardened", "memcached listens on 0.0.0.0")
                .contains("2 dead letter(s).");
    }
}
