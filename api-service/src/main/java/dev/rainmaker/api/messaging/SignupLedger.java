package dev.rainmaker.api.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Every sign-up on the topic, read by each instance in full (a plain consumer of no group, every partition, from the
 * beginning): who sent each customer's sign-up and under which key. Catching up is one round trip for all who wait:
 * the ledger notes the topic's end offsets once for every waiter queued so far and answers them all when it has read
 * that far. Kept in memory; the topic's retention (7 days) bounds it, and is the idempotency window.
 */
@ApplicationScoped
public class SignupLedger implements SignupHistory, CustomerApps {

    private static final Logger LOG = Logger.getLogger(SignupLedger.class);
    private static final String TOPIC = EventType.SIGNUP_RECEIVED.topic();
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> settings;
    private final Duration catchUpTimeout;
    private final Map<String, PastSignup> byCustomer = new ConcurrentHashMap<>();
    private final Map<String, PastSignup> byKey = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> waiting = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> firstCatchUp = new CompletableFuture<>();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;

    SignupLedger(@Identifier("default-kafka-broker") Map<String, Object> kafka, ApiConfig config) {
        this.settings = new HashMap<>(kafka);
        this.catchUpTimeout = config.signups().ledgerTimeout();
    }

    void start(@Observes StartupEvent start) {
        waiting.add(firstCatchUp);
        Thread.ofPlatform().daemon().name("signup-ledger").start(this::run);
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        wakeUp();
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
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        waiting.add(caughtUp);
        wakeUp();
        try {
            caughtUp.get(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS);
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

    private void run() {
        Map<String, Object> config = new HashMap<>(settings);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-service-signup-ledger");
        try (KafkaConsumer<String, String> ledger = new KafkaConsumer<>(config)) {
            consumer = ledger;
            List<TopicPartition> partitions = partitions(ledger);
            ledger.assign(partitions);
            ledger.seekToBeginning(partitions);
            follow(ledger, partitions);
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.errorf(e, "The sign-up ledger stopped: %s", e.getMessage());
            running = false;
        } finally {
            failWaiting();
        }
    }

    private void follow(KafkaConsumer<String, String> ledger, List<TopicPartition> partitions) {
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        Map<TopicPartition, Long> target = null;
        while (running) {
            try {
                if (batch.isEmpty()) {
                    for (CompletableFuture<Void> next; (next = waiting.poll()) != null; ) {
                        batch.add(next);
                    }
                }
                if (!batch.isEmpty() && target == null) {
                    target = ledger.endOffsets(partitions);
                }
                if (target != null && reached(ledger, target)) {
                    batch.forEach(waiter -> waiter.complete(null));
                    batch.clear();
                    target = null;
                    continue;
                }
                for (ConsumerRecord<String, String> record : ledger.poll(POLL)) {
                    read(record);
                }
            } catch (WakeupException e) {
                // a new waiter, or stopping: the loop looks
            } catch (KafkaException e) {
                LOG.warnf("The sign-up ledger cannot read the topic (%s); trying again", e.getMessage());
                pause();
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> ledger, Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
            if (ledger.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
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
            } catch (WakeupException e) {
                // a waiter before the topic is known: it waits on
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

    private void wakeUp() {
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void failWaiting() {
        var stopped = new IllegalStateException("the sign-up ledger stopped");
        firstCatchUp.completeExceptionally(stopped);
        for (CompletableFuture<Void> next; (next = waiting.poll()) != null; ) {
            next.completeExceptionally(stopped);
        }
    }

    private static String keyOf(String app, String idempotencyKey) {
        return app + '\n' + idempotencyKey;
    }
}
