package dev.rainmaker.status.messaging;

import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.ObservedRecord;
import dev.rainmaker.status.domain.TimelineEntry;
import dev.rainmaker.status.service.CustomerFold;
import dev.rainmaker.status.service.Observations;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each observed record into its customer's status in the store (whose changelog makes it survive restarts), and
 * passes the new timeline entry on, for the live feed.
 */
class FoldIntoStore implements FixedKeyProcessor<String, ObservedRecord, TimelineEntry> {

    private FixedKeyProcessorContext<String, TimelineEntry> context;
    private KeyValueStore<String, CustomerStatus> store;

    @Override
    public void init(FixedKeyProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        this.store = context.getStateStore(StatusTopology.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ObservedRecord> record) {
        Observations.read(record.value()).ifPresent(observation -> {
            String customer = observation.entry().customerId();
            CustomerFold.apply(store.get(customer), observation).ifPresent(status -> {
                store.put(customer, status);
                context.forward(record.withValue(observation.entry()));
            });
        });
    }
}
