package dev.rainmaker.api.messaging;

import java.time.Instant;
import java.util.List;

import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.api.service.CloudEvents;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningFailed;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The webhook event a pipeline record becomes. Its id names the record's position, so whoever reads the record again
 * (after a crash or a rebalance) sends it with the same id and the receiver can drop the duplicate.
 */
final class WebhookRecords {

    /** The topics whose records become webhooks. */
    static final List<String> TOPICS = List.of(EventType.CUSTOMER_READY.topic(), EventType.PROVISIONING_FAILED.topic());

    private WebhookRecords() {}

    /** Throws {@link InvalidEventException} for a record that is not a valid event of its topic. */
    static WebhookEvent of(ConsumerRecord<String, String> record) {
        String id = CloudEvents.idOf(record.topic(), record.partition(), record.offset());
        if (EventType.CUSTOMER_READY.topic().equals(record.topic())) {
            // CustomerReady carries no time of its own: the record's is when the customer became ready.
            return CloudEvents.ready(
                    id, Instant.ofEpochMilli(record.timestamp()), EventJson.read(record.value(), CustomerReady.class));
        }
        if (EventType.PROVISIONING_FAILED.topic().equals(record.topic())) {
            return CloudEvents.failed(id, EventJson.read(record.value(), ProvisioningFailed.class));
        }
        throw new InvalidEventException("no webhook is sent for records of " + record.topic());
    }
}
