package dev.rainmaker.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the topics that do not exist yet with the given partitions and replicas (none given: the broker's default);
 * existing topics stay as they are.
 */
public class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final int partitions;
    private final Optional<Short> replicationFactor;

    public TopicCreator(Admin admin, int partitions, Optional<Short> replicationFactor) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Returns the topics it created. */
    public Set<String> createMissing(Set<String> topics) {
        Set<String> missing = new TreeSet<>(topics);
        missing.removeAll(await("list the topics", admin.listTopics().names()));
        if (missing.isEmpty()) {
            return missing;
        }
        List<NewTopic> newTopics = missing.stream()
                .map(name -> new NewTopic(name, Optional.of(partitions), replicationFactor))
                .toList();
        // A topic created a moment ago may be missing from the listing still: the broker then says it exists.
        Set<String> created = new TreeSet<>();
        admin.createTopics(newTopics).values().forEach((name, creation) -> {
            try {
                await("create topic " + name, creation);
                created.add(name);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
        if (!created.isEmpty()) {
            LOG.infof(
                    "Created topics %s (%d partitions, replication factor %s)",
                    created, partitions, replicationFactor.map(String::valueOf).orElse("the broker's default"));
        }
        return created;
    }

    private static <T> T await(String what, org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot " + what + " on the Kafka broker: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "cannot " + what + ": the Kafka broker did not answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
