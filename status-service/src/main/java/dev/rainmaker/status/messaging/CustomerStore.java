package dev.rainmaker.status.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.Peer;
import dev.rainmaker.status.service.LocalCustomers;
import dev.rainmaker.status.service.ViewUnavailableException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The store of this instance (the customers of its partitions), and which instance holds any customer: Kafka Streams'
 * metadata, from each instance's {@code application.server}. A store being restored or rebalanced cannot be read for a
 * moment: that is {@link ViewUnavailableException}.
 */
@ApplicationScoped
public class CustomerStore implements LocalCustomers {

    private final KafkaStreams streams;
    private final HostInfo self;

    CustomerStore(KafkaStreams streams, StreamsConfig config) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(config.getString(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    @Override
    public Optional<CustomerStatus> find(String customerId) {
        return Optional.ofNullable(store().get(customerId));
    }

    @Override
    public void forEach(Consumer<CustomerStatus> action) {
        try (KeyValueIterator<String, CustomerStatus> all = store().all()) {
            all.forEachRemaining(entry -> action.accept(entry.value));
        }
    }

    /** The instance whose partitions hold the customer. */
    public Peer ownerOf(String customerId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(
                StatusTopology.STORE, customerId, Serdes.String().serializer());
        if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new ViewUnavailableException("no instance holds the customers' partitions yet (rebalancing)");
        }
        return peer(owner.activeHost());
    }

    /** Every instance that holds some of the view's partitions, this one included when it does. */
    public List<Peer> instances() {
        Collection<StreamsMetadata> all = streams.streamsMetadataForStore(StatusTopology.STORE);
        if (all.isEmpty()) {
            return List.of(new Peer(self.host(), self.port(), true));
        }
        return all.stream().map(metadata -> peer(metadata.hostInfo())).toList();
    }

    private Peer peer(HostInfo host) {
        return new Peer(host.host(), host.port(), host.equals(self));
    }

    private ReadOnlyKeyValueStore<String, CustomerStatus> store() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new ViewUnavailableException("the view is "
                    + streams.state().name().toLowerCase() + " (restoring or rebalancing): try again in a moment");
        }
        try {
            return streams.store(
                    StoreQueryParameters.fromNameAndType(StatusTopology.STORE, QueryableStoreTypes.keyValueStore()));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            throw new ViewUnavailableException("the view cannot be read right now: " + e.getMessage());
        }
    }
}
