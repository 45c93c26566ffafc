package dev.rainmaker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.rainmaker.deadletters.DeadLetters;
import dev.rainmaker.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeployTopicsTests {

    private static final Pattern TOPIC_NAME = Pattern.compile("(?m)^  topicName: (\\S+)$");
    /** status-service's {@code StatusTopology.TIMELINE_TOPIC}: services are not the CLI's to import. */
    private static final String STATUS_TIMELINE = "rainmaker.status-timeline";
    /** api-service's dead-letter topic for webhooks it could not deliver. */
    private static final String WEBHOOKS_DLQ = "rainmaker.webhooks.dlq";

    @Test
    void kubernetesTopicsAreTheEventTopicsTheirDeadLetterTopicsTheReplayLogTheStatusTimelineAndTheWebhookDeadLetters()
            throws IOException {
        String topics = Files.readString(Path.of("../deploy/kubernetes/kafka-topics.yaml"));

        assertThat(TOPIC_NAME.matcher(topics).results().map(match -> match.group(1)))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                Arrays.stream(EventType.values())
                                        .flatMap(type -> Stream.of(type.topic(), type.deadLetterTopic())),
                                Stream.of(DeadLetters.REPLAY_LOG, STATUS_TIMELINE, WEBHOOKS_DLQ))
                        .toList());
    }
}
