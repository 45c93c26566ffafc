package dev.rainmaker.status.messaging;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.rainmaker.events.EventType;
import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.ObservedRecord;
import dev.rainmaker.status.service.LiveTimeline;
import dev.rainmaker.status.service.Observations;
import dev.rainmaker.status.service.ViewLag;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The view: every event topic, every dead-letter topic and the replay log, each record observed (with its headers and
 * position) and folded into its customer's status in a persistent store keyed by customer id. The replay log is keyed
 * by position, so it is re-keyed by customer id first (through a repartition topic with the event topics' partition
 * count, so a customer's replays land on the task that holds the customer). Each new timeline entry is in this
 * instance's live feed at once, and goes to {@value #TIMELINE_TOPIC}, from which every other instance's feed reads it.
 */
@ApplicationScoped
public class StatusTopology {

    public static final String STORE = "customers";
    public static final String TIMELINE_TOPIC = "rainmaker.status-timeline";

    private final StatusTopics topics;
    private final LiveTimeline live;
    private final ViewLag lag;

    StatusTopology(StatusTopics topics, LiveTimeline live, ViewLag lag) {
        this.topics = topics;
        this.live = live;
        this.lag = lag;
    }

    /** The topics the view reads. */
    public static List<String> sourceTopics() {
        List<String> sources = new ArrayList<>();
        for (EventType type : EventType.values()) {
            sources.add(type.topic());
            sources.add(type.deadLetterTopic());
        }
        return sources;
    }

    @Produces
    Topology topology() {
        int partitions = topics.ensure();
        JsonSerde<ObservedRecord> observed = new JsonSerde<>(ObservedRecord.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), new JsonSerde<>(CustomerStatus.class)));

        KStream<String, ObservedRecord> events = builder.stream(
                        sourceTopics(), Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(ObserveRecord::new)
                .filter((customer, record) -> customer != null);
        KStream<String, ObservedRecord> replays = builder.stream(
                        Observations.REPLAY_LOG, Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(ObserveRecord::new)
                .filter((position, record) -> record.value() != null)
                .selectKey((position, record) -> Observations.customerOf(record))
                .repartition(Repartitioned.with(Serdes.String(), observed)
                        .withName("replays-by-customer")
                        .withNumberOfPartitions(partitions));

        events.merge(replays)
                .processValues(() -> new FoldIntoStore(live, lag), STORE)
                .to(TIMELINE_TOPIC, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }
}
