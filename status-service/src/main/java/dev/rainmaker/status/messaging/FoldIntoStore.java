package dev.rainmaker.status.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.ObservedRecord;
import dev.rainmaker.status.domain.TimelineEntry;
import dev.rainmaker.status.service.CustomerFold;
import dev.rainmaker.status.service.LiveTimeline;
import dev.rainmaker.status.service.Observations;
import dev.rainmaker.status.service.ViewLag;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each observed record into its customer's status in the store (whose changelog makes it survive restarts),
 * publishes the new timeline entry (its JSON, written once) to this instance's live feed at once, notes how late it
 * came ({@link ViewLag}), and passes it on,
 * marked as this instance's, for the other instances' feeds.
 */
class FoldIntoStore implements FixedKeyProcessor<String, ObservedRecord, String> {

    static final String ORIGIN_HEADER = "rainmaker-status-origin";

    /** A record folded: its customer's new status, the new timeline entry, and that entry's JSON. */
    record Folded(String customer, CustomerStatus status, TimelineEntry entry, String entryJson) {}

    private final LiveTimeline live;
    private final ViewLag lag;
    private FixedKeyProcessorContext<String, String> context;
    private KeyValueStore<String, CustomerStatus> store;

    FoldIntoStore(LiveTimeline live, ViewLag lag) {
        this.live = live;
        this.lag = lag;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(StatusTopology.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ObservedRecord> record) {
        fold(record.value(), store::get).ifPresent(folded -> {
            store.put(folded.customer(), folded.status());
            live.publish(folded.entryJson());
            lag.entered(folded.entry());
            Headers headers = new RecordHeaders(record.headers().toArray())
                    .add(ORIGIN_HEADER, live.origin().getBytes(StandardCharsets.UTF_8));
            context.forward(record.withValue(folded.entryJson()).withHeaders(headers));
        });
    }

    /** The record folded into its customer's status as {@code statusOf} has it; empty when it changes nothing. */
    static Optional<Folded> fold(ObservedRecord record, Function<String, CustomerStatus> statusOf) {
        return Observations.read(record).flatMap(observation -> {
            String customer = observation.entry().customerId();
            return CustomerFold.apply(statusOf.apply(customer), observation)
                    .map(status ->
                            new Folded(customer, status, observation.entry(), JsonSerde.write(observation.entry())));
        });
    }
}
