package dev.rainmaker.status.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.rainmaker.status.domain.ObservedRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Takes what the view needs from a record while it is still at hand: where it was read (topic, partition, offset),
 * its timestamp, and its headers (a dead letter's stage, reason, attempts).
 */
class ObserveRecord implements FixedKeyProcessor<String, String, ObservedRecord> {

    private FixedKeyProcessorContext<String, ObservedRecord> context;

    @Override
    public void init(FixedKeyProcessorContext<String, ObservedRecord> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
        var where = context.recordMetadata().orElseThrow();
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        context.forward(record.withValue(new ObservedRecord(
                where.topic(),
                where.partition(),
                where.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                record.value(),
                headers)));
    }
}
