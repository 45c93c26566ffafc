package dev.rainmaker.messaging;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.Config;

/**
 * Before the channels start (SmallRye Reactive Messaging starts them at priority 1000), creates every topic the
 * service's channels read or write, and their dead-letter topics, when missing. A broker that cannot be reached fails
 * the start-up with a message saying so.
 */
@ApplicationScoped
public class TopicsAtStartup {

    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(dead-letter-queue\\.)?topic");

    private final Config config;
    private final TopicsConfig topics;
    private final Map<String, Object> kafka;

    TopicsAtStartup(Config config, TopicsConfig topics, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
    }

    void createMissing(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        if (!topics.create()) {
            return;
        }
        try (Admin admin = Admin.create(kafka)) {
            new TopicCreator(admin, topics.partitions(), topics.replicationFactor()).createMissing(channelTopics());
        }
    }

    /** The topics named by the channels' configuration: {@code topic} and {@code dead-letter-queue.topic}. */
    Set<String> channelTopics() {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (CHANNEL_TOPIC.matcher(property).matches()) {
                config.getOptionalValue(property, String.class).ifPresent(names::add);
            }
        }
        return names;
    }
}
