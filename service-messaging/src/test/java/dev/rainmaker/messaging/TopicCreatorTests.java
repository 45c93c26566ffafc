package dev.rainmaker.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.rainmaker.localcloud.kafka.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TopicCreatorTests {

    private static KafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startEphemeral();
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void missingTopicsAreCreatedWithTheConfiguredPartitionsAndAnExistingOneIsLeftAsItIs() throws Exception {
        admin.createTopics(Set.of(new NewTopic("existing", 2, (short) 1))).all().get();

        Set<String> created =
                new TopicCreator(admin, 5, Optional.of((short) 1)).createMissing(Set.of("existing", "new", "new.dlq"));

        assertThat(created).containsExactlyInAnyOrder("new", "new.dlq");
        assertThat(partitions("existing")).isEqualTo(2);
        assertThat(partitions("new")).isEqualTo(5);
        assertThat(partitions("new.dlq")).isEqualTo(5);
    }

    @Test
    void creatingTopicsThatAllExistChangesNothing() {
        new TopicCreator(admin, 4, Optional.of((short) 1)).createMissing(Set.of("twice"));

        assertThat(new TopicCreator(admin, 4, Optional.of((short) 1)).createMissing(Set.of("twice")))
                .isEmpty();
    }

    /** A topic just created can be missing from the broker's metadata for a moment on a loaded machine. */
    private static int partitions(String topic) {
        return await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> admin.describeTopics(Set.of(topic))
                                .allTopicNames()
                                .get()
                                .get(topic)
                                .partitions()
                                .size(),
                        count -> count > 0);
    }
}
