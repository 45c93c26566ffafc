package dev.rainmaker.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows chosen customers through every pipeline topic and dead-letter topic, as ops would, reporting each event as
 * it arrives.
 */
public final class ProgressWatcher implements AutoCloseable {

    private static final Pattern PIPELINE_TOPICS = Pattern.compile("rainmaker\\..*");

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, CustomerProgress> customers = new LinkedHashMap<>();
    // A pattern subscription rebalances as new topics appear and, committing nothing, reads them again from the start.
    private final Set<String> recordsSeen = new HashSet<>();
    private final Consumer<String> report;
    private final Instant started = Instant.now();

    public ProgressWatcher(String bootstrapServers, Collection<String> customerIds, Consumer<String> report) {
        this.report = report;
        customerIds.forEach(id -> customers.put(id, new CustomerProgress(id)));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "rainmaker-watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(PIPELINE_TOPICS);
    }

    /** Follows until every customer is ready or has failed, or until {@code timeout}; true when all are ready. */
    public boolean awaitAll(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !customers.values().stream().allMatch(CustomerProgress::isDone)) {
            consumer.poll(Duration.ofMillis(250)).forEach(this::record);
        }
        return customers.values().stream().allMatch(CustomerProgress::isReady);
    }

    public Collection<CustomerProgress> customers() {
        return customers.values();
    }

    private void record(ConsumerRecord<String, String> record) {
        CustomerProgress customer = customers.get(record.key());
        if (customer == null || !recordsSeen.add(record.topic() + "/" + record.partition() + "/" + record.offset())) {
            return;
        }
        for (EventType type : EventType.values()) {
            if (record.topic().equals(type.topic())) {
                customer.saw(type, record.timestamp());
                if (type == EventType.DROPLET_ACTIVE) {
                    var droplet =
                            EventJson.read(record.value(), DropletActive.class).droplet();
                    customer.droplet(String.valueOf(droplet.id()), droplet.publicIpv4());
                }
                say(customer.customerId(), type.topic().substring("rainmaker.".length()), detail(type, customer));
            } else if (record.topic().equals(type.deadLetterTopic())) {
                String reason = header(record, "dead-letter-reason");
                customer.failed(type.topic() + ": " + reason);
                say(customer.customerId(), "FAILED", "dead-lettered from " + type.topic() + ": " + reason);
            }
        }
    }

    private static String detail(EventType type, CustomerProgress customer) {
        return type == EventType.DROPLET_ACTIVE
                ? "droplet " + customer.dropletId() + " at " + customer.ipv4()
                : type == EventType.CUSTOMER_READY ? "emailed" : "";
    }

    private void say(String customerId, String what, String detail) {
        double elapsed = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        report.accept(String.format("[%6.1fs] %-24s %-18s %s", elapsed, customerId, what, detail));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "(no reason given)" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
