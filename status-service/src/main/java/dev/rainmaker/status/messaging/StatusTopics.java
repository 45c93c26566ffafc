package dev.rainmaker.status.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventType;
import dev.rainmaker.messaging.TopicCreator;
import dev.rainmaker.messaging.TopicsConfig;
import dev.rainmaker.status.service.Observations;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics the view reads and writes, created when missing (as every service does, unless
 * {@code rainmaker.topics.create=false}) before Kafka Streams starts, which would stop on a missing source topic.
 */
@ApplicationScoped
public class StatusTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private final TopicsConfig topics;
    private final Map<String, Object> kafka;

    StatusTopics(TopicsConfig topics, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.topics = topics;
        this.kafka = kafka;
    }

    /** Creates what is missing; returns the partitions of the event topics, which the replays are re-keyed into. */
    int ensure() {
        Set<String> names = new TreeSet<>(StatusTopology.sourceTopics());
        names.add(Observations.REPLAY_LOG);
        names.add(StatusTopology.TIMELINE_TOPIC);
        try (Admin admin = Admin.create(kafka)) {
            if (topics.create()) {
                new TopicCreator(admin, topics.partitions(), topics.replicationFactor()).createMissing(names);
            }
            String signups = EventType.SIGNUP_RECEIVED.topic();
            return admin.describeTopics(List.of(signups))
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(signups)
                    .partitions()
                    .size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot describe the event topics on the Kafka broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the event topics", e);
        }
    }
}
