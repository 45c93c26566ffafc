package dev.rainmaker.status;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.localcloud.kafka.TopicClient;

/** Publishes as the pipeline's services do: key = customer id, JSON value, CloudEvents headers (binary mode). */
final class Pipeline implements AutoCloseable {

    private final TopicClient kafka;

    Pipeline(String bootstrapServers) {
        this.kafka = new TopicClient(bootstrapServers);
    }

    void publish(RainmakerEvent event) {
        EventType type = EventType.of(event);
        kafka.publish(
                type.topic(),
                event.customerId(),
                EventJson.write(event),
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", UUID.randomUUID().toString(),
                        "ce_type", type.cloudEventType(),
                        "ce_source", "rainmaker/test",
                        "ce_subject", event.customerId(),
                        "ce_time", ZonedDateTime.now().toString()));
    }

    /** A dead letter as SmallRye's dead-letter strategy writes it, with the headers service-messaging adds. */
    void deadLetter(RainmakerEvent event, String stageWords, String reason, int attempts, String failure) {
        EventType type = EventType.of(event);
        Map<String, String> headers = new HashMap<>();
        headers.put("dead-letter-reason", reason);
        headers.put("dead-letter-topic", type.topic());
        headers.put("rainmaker-stage", stageWords);
        headers.put("rainmaker-reason", reason);
        headers.put("rainmaker-attempts", String.valueOf(attempts));
        headers.put("rainmaker-failure", failure);
        kafka.publish(type.deadLetterTopic(), event.customerId(), EventJson.write(event), headers);
    }

    /** What cli's replay writes to its log: key = the dead letter's position, value = the customer id. */
    void replayLogged(String position, String customer) {
        kafka.publish("rainmaker.dlq-replays", position, customer);
    }

    TopicClient kafka() {
        return kafka;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
