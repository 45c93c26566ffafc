package dev.rainmaker.api.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.domain.PastSignup;
import dev.rainmaker.api.service.CustomerApps;
import dev.rainmaker.api.service.DoorUnavailableException;
import dev.rainmaker.api.service.SignupHistory;
import dev.rainmaker.events.EventType;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Every sign-up on the topic, read by each instance in full (a plain consumer of no group, every partition, from the
 * beginning): who sent each customer's sign-up and under which key. To catch up, a caller asks the broker for the
 * topic's end offsets over an admin connection of its own (the consumer's connection is held by its long-polling
 * fetch, behind which the question would wait up to {@code fetch.max.wait.ms}) and waits until the consumer's
 * positions pass them. Kept in memory; the topic's retention (7 days) bounds it, and is the idempotency window.
 */
@ApplicationScoped
public class SignupLedger implements SignupHistory, CustomerApps {

    private static final Logger LOG = Logger.getLogger(SignupLedger.class);
    private static final String TOPIC = EventType.SIGNUP_RECEIVED.topic();
    private static final Duration POLL = Duration.ofMillis(500);

    /** A caller waiting until the ledger has read up to {@code target}. */
    private record Waiter(Map<TopicPartition, Long> target, CompletableFuture<Void> caughtUp) {}

    private final Map<String, Object> settings;
    private final Duration catchUpTimeout;
    private final Map<String, PastSignup> byCustomer = new ConcurrentHashMap<>();
    private final Map<String, PastSignup> byKey = new ConcurrentHashMap<>();
    /** How far the consumer has read and applied, per partition; empty until it knows the topic. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> firstCatchUp = new CompletableFuture<>();
    private volatile Admin admin;
    /** Callers waiting for end offsets not yet asked for; guarded by this. */
    private CompletableFuture<Map<TopicPartition, Long>> nextEnds;
    /** Whether a question for end offsets is in flight; guarded by this. */
    private boolean askingEnds;

    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;

    SignupLedger(@Identifier("default-kafka-broker") Map<String, Object> kafka, ApiConfig config) {
        this.settings = new HashMap<>(kafka);
        this.catchUpTimeout = config.signups().ledgerTimeout();
    }

    void start(@Observes StartupEvent start) {
        admin = Admin.create(adminSettings());
        Thread.ofPlatform().daemon().name("signup-ledger").start(this::run);
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        admin.close(Duration.ofSeconds(1));
    }

    /** Whether the topic has been read once up to where it ended at start-up: only then may the door answer. */
    public boolean caughtUpOnce() {
        return firstCatchUp.isDone() && !firstCatchUp.isCompletedExceptionally();
    }

    @Override
    public Optional<PastSignup> byCustomer(String customerId) {
        return Optional.ofNullable(byCustomer.get(customerId));
    }

    @Override
    public Optional<PastSignup> byKey(String app, String idempotencyKey) {
        return Optional.ofNullable(byKey.get(keyOf(app, idempotencyKey)));
    }

    @Override
    public void catchUp() {
        try {
            awaitRead(endOffsets(), catchUpTimeout);
        } catch (TimeoutException | ExecutionException e) {
            throw new DoorUnavailableException("the sign-up topic could not be read up to its end in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoorUnavailableException("interrupted while reading the sign-up topic");
        }
    }

    @Override
    public void remember(PastSignup signup) {
        byCustomer.putIfAbsent(signup.customerId(), signup);
        if (signup.app() != null) {
            byKey.putIfAbsent(keyOf(signup.app(), signup.idempotencyKey()), signup);
        }
    }

    @Override
    public Optional<String> appOf(String customerId) {
        if (!byCustomer.containsKey(customerId)) {
            catchUp();
        }
        return byCustomer(customerId).map(PastSignup::app);
    }

    /**
     * The topic's end offsets as a read_committed reader sees them, asked after this call began. One question is in
     * flight at a time; callers that come while it is share the next one, so a burst costs a round trip, not one each.
     */
    private Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException, TimeoutException {
        if (positions.isEmpty()) {
            throw new TimeoutException("the ledger does not know the topic's partitions yet");
        }
        return nextEnds().get(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized CompletableFuture<Map<TopicPartition, Long>> nextEnds() {
        if (nextEnds == null) {
            nextEnds = new CompletableFuture<>();
        }
        CompletableFuture<Map<TopicPartition, Long>> ends = nextEnds;
        if (!askingEnds) {
            askEnds();
        }
        return ends;
    }

    private synchronized void askEnds() {
        CompletableFuture<Map<TopicPartition, Long>> asked = nextEnds;
        nextEnds = null;
        askingEnds = true;
        Map<TopicPartition, OffsetSpec> latest =
                positions.keySet().stream().collect(Collectors.toMap(partition -> partition, p -> OffsetSpec.latest()));
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .whenComplete((ends, failure) -> {
                    if (failure != null) {
                        asked.completeExceptionally(failure);
                    } else {
                        asked.complete(ends.entrySet().stream()
                                .collect(Collectors.toMap(
                                        Map.Entry::getKey, end -> end.getValue().offset())));
                    }
                    answered();
                });
    }

    private synchronized void answered() {
        askingEnds = false;
        if (nextEnds != null) {
            askEnds();
        }
    }

    private void awaitRead(Map<TopicPartition, Long> target, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (reached(target)) {
            return;
        }
        Waiter waiter = new Waiter(target, new CompletableFuture<>());
        waiting.add(waiter);
        // The consumer may have passed the target between the check above and the add: it would not look again.
        if (reached(target)) {
            waiting.remove(waiter);
            return;
        }
        try {
            waiter.caughtUp().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            waiting.remove(waiter);
        }
    }

    private boolean reached(Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
            if (positions.getOrDefault(end.getKey(), -1L) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        try (KafkaConsumer<String, String> ledger = new KafkaConsumer<>(consumerSettings())) {
            consumer = ledger;
            List<TopicPartition> partitions = partitions(ledger);
            ledger.assign(partitions);
            ledger.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = ledger.endOffsets(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, String> record : ledger.poll(POLL)) {
                        read(record);
                    }
                    for (TopicPartition partition : partitions) {
                        positions.put(partition, ledger.position(partition));
                    }
                    if (!firstCatchUp.isDone() && reached(startEnd)) {
                        firstCatchUp.complete(null);
                    }
                    waiting.removeIf(waiter ->
                            reached(waiter.target()) && waiter.caughtUp().complete(null));
                } catch (WakeupException e) {
                    // stopping: the loop looks
                } catch (KafkaException e) {
                    LOG.warnf("The sign-up ledger cannot read the topic (%s); trying again", e.getMessage());
                    pause();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.errorf(e, "The sign-up ledger stopped: %s", e.getMessage());
        } finally {
            running = false;
            var stopped = new IllegalStateException("the sign-up ledger stopped");
            firstCatchUp.completeExceptionally(stopped);
            waiting.forEach(waiter -> waiter.caughtUp().completeExceptionally(stopped));
        }
    }

    private void read(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        String app = header(record, SignupHeaders.APP);
        if (app == null) {
            remember(new PastSignup(record.key(), null, null, null));
        } else {
            remember(new PastSignup(
                    record.key(),
                    app,
                    header(record, SignupHeaders.IDEMPOTENCY_KEY),
                    header(record, SignupHeaders.REQUEST_SHA256)));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The topic's partitions, once it exists (TopicsAtStartup creates it with the outgoing channel's). */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> ledger) {
        while (running) {
            try {
                List<TopicPartition> partitions = ledger.partitionsFor(TOPIC).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
            } catch (KafkaException e) {
                LOG.warnf("The sign-up ledger cannot find the topic %s yet: %s", TOPIC, e.getMessage());
            }
            pause();
        }
        throw new WakeupException();
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> config = new HashMap<>(settings);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-service-signup-ledger");
        return config;
    }

    private Map<String, Object> adminSettings() {
        Map<String, Object> config = new HashMap<>(settings);
        config.keySet()
                .removeIf(key -> key.contains("serializer")
                        || key.contains("deserializer")
                        || key.equals(ConsumerConfig.GROUP_ID_CONFIG));
        config.put("client.id", "api-service-signup-ledger-ends");
        return config;
    }

    private static String keyOf(String app, String idempotencyKey) {
        return app + '\n' + idempotencyKey;
    }
}
