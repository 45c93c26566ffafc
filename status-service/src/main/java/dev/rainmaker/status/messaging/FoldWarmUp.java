package dev.rainmaker.status.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rainmaker.status.config.StatusConfig;
import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.ObservedRecord;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * At start, in the background, takes a sample customer's records ({@value #SAMPLE}: topic, tab, value) through
 * {@link FoldIntoStore}'s fold (read, fold, the entry's JSON), and the store's JSON both ways, for many customers, in
 * memory: nothing is stored or published. A freshly started JVM runs the fold interpreted until the JIT has compiled
 * it, and a burst arriving then waited seconds for the view (docs/benchmarks.md).
 */
@ApplicationScoped
public class FoldWarmUp {

    static final String SAMPLE = "/fold-warm-up.tsv";
    private static final Logger LOG = Logger.getLogger(FoldWarmUp.class);

    private final int customers;

    FoldWarmUp(StatusConfig config) {
        this.customers = config.warmUpCustomers();
    }

    void start(@Observes StartupEvent start) {
        if (customers > 0) {
            Thread.ofPlatform().daemon().name("fold-warm-up").start(this::warmUp);
        }
    }

    /** Only ever slower without it: a warm-up that fails is logged, and the view runs as it would cold. */
    private void warmUp() {
        long began = System.nanoTime();
        try {
            int folded = fold(customers);
            LOG.infof("The fold is warm: %d sample records in %d ms", folded, (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf(e, "The fold's warm-up failed; the view runs cold: %s", e.getMessage());
        }
    }

    /** Folds the sample customer's records {@code times} times; returns how many records were folded. */
    static int fold(int times) {
        List<ObservedRecord> sample = sample();
        JsonSerde<CustomerStatus> serde = new JsonSerde<>(CustomerStatus.class);
        Serializer<CustomerStatus> toStore = serde.serializer();
        Deserializer<CustomerStatus> fromStore = serde.deserializer();
        int folded = 0;
        for (int customer = 0; customer < times; customer++) {
            CustomerStatus status = null;
            for (ObservedRecord record : sample) {
                CustomerStatus before = status;
                CustomerStatus next =
                        FoldIntoStore.fold(record, id -> before).orElseThrow().status();
                status = fromStore.deserialize(record.topic(), toStore.serialize(record.topic(), next));
                folded++;
            }
        }
        return folded;
    }

    /** The sample customer's records, as read from their topics. */
    static List<ObservedRecord> sample() {
        try (InputStream in = FoldWarmUp.class.getResourceAsStream(SAMPLE)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            Instant at = Instant.now();
            return IntStream.range(0, lines.size())
                    .mapToObj(offset -> {
                        String[] topicAndValue = lines.get(offset).split("\t", 2);
                        return new ObservedRecord(
                                topicAndValue[0], 0, offset, at, "warm-up", topicAndValue[1], Map.of());
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE, e);
        }
    }
}
