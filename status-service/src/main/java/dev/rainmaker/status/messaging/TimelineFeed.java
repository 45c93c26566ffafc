package dev.rainmaker.status.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rainmaker.status.service.LiveTimeline;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of {@value StatusTopology#TIMELINE_TOPIC} from its end, with a plain consumer of no group (so
 * every instance reads all of it, not a share), and hands each entry another instance folded to the live timeline:
 * each instance's event stream shows every customer, not only those of its own partitions.
 */
@ApplicationScoped
public class TimelineFeed {

    private static final Logger LOG = Logger.getLogger(TimelineFeed.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Map<String, Object> settings;
    private final LiveTimeline live;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile boolean reading;

    TimelineFeed(@Identifier("default-kafka-broker") Map<String, Object> kafka, LiveTimeline live) {
        this.settings = new HashMap<>(kafka);
        this.live = live;
    }

    void start(@Observes StartupEvent start) {
        Thread.ofPlatform().daemon().name("timeline-feed").start(this::run);
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        Map<String, Object> config = new HashMap<>(settings);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "status-service-timeline-feed");
        try (KafkaConsumer<String, String> feed = new KafkaConsumer<>(config)) {
            consumer = feed;
            List<TopicPartition> partitions = partitions(feed);
            feed.assign(partitions);
            feed.seekToEnd(partitions);
            partitions.forEach(feed::position);
            reading = true;
            while (running) {
                for (ConsumerRecord<String, String> record : feed.poll(POLL)) {
                    if (!foldedHere(record)) {
                        live.publish(record.value());
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.errorf(e, "The live timeline stopped: %s", e.getMessage());
        }
    }

    /** Whether the feed has its place at the topic's end: entries written from now on reach the live timeline. */
    boolean reading() {
        return reading;
    }

    private boolean foldedHere(ConsumerRecord<String, String> record) {
        Header origin = record.headers().lastHeader(FoldIntoStore.ORIGIN_HEADER);
        return origin != null && live.origin().equals(new String(origin.value(), StandardCharsets.UTF_8));
    }

    /** The topic's partitions, once it exists (the topology creates it at start-up). */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> feed) {
        while (running) {
            List<TopicPartition> partitions = feed.partitionsFor(StatusTopology.TIMELINE_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new WakeupException();
    }
}
