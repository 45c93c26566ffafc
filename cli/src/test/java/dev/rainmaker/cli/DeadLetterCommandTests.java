package dev.rainmaker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import dev.rainmaker.deadletters.DeadLetters;
import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./rainmaker dlq} on the dead-letters library, against a real broker. */
class DeadLetterCommandTests {

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
        kafka.publish(SIGNUPS_DLQ, "broken-3", "{}", Map.of("dead-letter-reason", "no plan"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.close();
    }

    @Test
    void listSaysWhatFailedAndWhy() {
        Run run = run("dlq", "list", "--customer", "broken-2");

        assertThat(run.status()).isZero();
        assertThat(run.output())
                .contains("rainmaker.signup-received", "broken-2", "no email")
                .contains("rainmaker.host-hardened", "memcached listens on 0.0.0.0")
                .contains("2 dead letter(s).");
    }

    @Test
    void replaySendsACustomersDeadLetterBackOnceAndListMarksItReplayed() {
        Run first = run("dlq", "replay", "--customer", "broken-1");
        Run second = run("dlq", "replay", "--customer", "broken-1");

        assertThat(first.output())
                .containsPattern(
                        "replayed rainmaker.signup-received.dlq/\\d+/\\d+ \\(customer broken-1\\) to " + SIGNUPS)
                .contains("1 dead letter(s) replayed.");
        assertThat(second.output()).contains("0 dead letter(s) replayed.");
        assertThat(kafka.readCommitted(SIGNUPS))
                .filteredOn(record -> "broken-1".equals(record.key()))
                .singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo("{not json"));
        assertThat(run("dlq", "list", "--customer", "broken-1").output()).contains("[replayed]");
    }

    @Test
    void replayOfOnePositionSaysWhenItWasReplayedBeforeOrIsNotThere() {
        String position = DeadLetters.at(broker.bootstrapServers())
                .list(new DeadLetters.Filter(null, "broken-3"))
                .getFirst()
                .letter()
                .position()
                .toString();

        Run first = run("dlq", "replay", "--position", position);
        Run second = run("dlq", "replay", "--position", position);
        Run nowhere = run("dlq", "replay", "--position", SIGNUPS_DLQ + "/0/999999");
        Run malformed = run("dlq", "replay", "--position", "rainmaker.signup-received.dlq/x");

        assertThat(first.output()).contains("replayed " + position + " (customer broken-3)", "1 dead letter(s)");
        assertThat(second.output()).contains("already replayed " + position + ", not again", "0 dead letter(s)");
        assertThat(nowhere.output()).contains("no dead letter at " + SIGNUPS_DLQ + "/0/999999");
        assertThat(malformed.status()).isEqualTo(RainmakerCli.USAGE);
    }

    private record Run(int status, String output) {}

    private static Run run(String... arguments) {
        var output = new ByteArrayOutputStream();
        String[] withKafka = Stream.concat(Arrays.stream(arguments), Stream.of("--kafka", broker.bootstrapServers()))
                .toArray(String[]::new);
        int status = RainmakerCli.commandLine(
                        Path.of("does-not-exist"), new PrintStream(output, true, StandardCharsets.UTF_8))
                .execute(withKafka);
        return new Run(status, output.toString(StandardCharsets.UTF_8));
    }
}
