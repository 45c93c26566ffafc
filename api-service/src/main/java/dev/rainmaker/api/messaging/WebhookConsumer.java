package dev.rainmaker.api.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.rainmaker.api.domain.DeliveryDecision;
import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.api.domain.WebhookTarget;
import dev.rainmaker.api.service.PendingDelivery;
import dev.rainmaker.api.service.WebhookDeliveries;
import dev.rainmaker.api.service.WebhookRouting;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One app's webhooks, on a thread of their own: reads the ready and failed events, keeps the app's own, and delivers
 * them in order, one at a time. While a delivery waits for its next attempt, the consumer pauses its partitions and
 * keeps polling, so it stays in its group however long the receiver is down; an offset is committed only once its
 * event was delivered or dead-lettered. A partition taken away mid-delivery drops that delivery: its next owner sends
 * it again from the committed offset, with the same event id (at least once).
 */
final class WebhookConsumer implements Runnable, ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(WebhookConsumer.class);
    static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(5);

    private final WebhookTarget target;
    private final Supplier<Consumer<String, String>> consumers;
    private final WebhookRouting routing;
    private final WebhookDeliveries deliveries;
    private final WebhookDeadLetters deadLetters;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final Duration deadLetterRetry;

    private volatile boolean running = true;
    private volatile Consumer<String, String> consumer;
    /** Partitions revoked or lost since the current batch was polled: its rest is stale. */
    private final Set<TopicPartition> revoked = new HashSet<>();
    /** Offsets past skipped records (other apps' or invalid), committed with the next delivery or the batch's end. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    private boolean waiting;

    WebhookConsumer(
            WebhookTarget target,
            Supplier<Consumer<String, String>> consumers,
            WebhookRouting routing,
            WebhookDeliveries deliveries,
            WebhookDeadLetters deadLetters,
            WebhookMetrics metrics,
            Clock clock,
            Duration deadLetterRetry) {
        this.target = target;
        this.consumers = consumers;
        this.routing = routing;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
        this.deadLetterRetry = deadLetterRetry;
    }

    /**
     * Consumes until {@link #stop()}; an unexpected failure (the ledger or the broker unreachable) restarts a fresh
     * consumer from the committed offsets after a pause, so one bad moment does not end the app's webhooks.
     */
    @Override
    public void run() {
        while (running) {
            try (Consumer<String, String> session = consumers.get()) {
                consumer = session;
                consume();
            } catch (WakeupException e) {
                // stop() woke the consumer up.
            } catch (RuntimeException e) {
                LOG.errorf(e, "The webhook consumer of %s failed; it starts again in %s", target.app(), RESTART_AFTER);
                sleep(RESTART_AFTER);
            } finally {
                revoked.clear();
                uncommitted.clear();
                metrics.nonePending();
            }
        }
    }

    /** Ends the loop; the consumer leaves its group at once instead of after its session timeout. */
    void stop() {
        running = false;
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void consume() {
        consumer.subscribe(WebhookRecords.TOPICS, this);
        while (running) {
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            revoked.clear();
            for (ConsumerRecord<String, String> record : records) {
                if (!running) {
                    return;
                }
                if (!revoked.isEmpty()) {
                    rewindToCommitted();
                    break;
                }
                handle(record);
            }
            commitSkipped();
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Optional<WebhookEvent> event = ownEvent(record);
        if (event.isPresent() && !deliver(event.get(), partition)) {
            return;
        }
        uncommitted.put(partition, new OffsetAndMetadata(record.offset() + 1));
        if (event.isPresent()) {
            commitSkipped();
        }
    }

    private Optional<WebhookEvent> ownEvent(ConsumerRecord<String, String> record) {
        WebhookEvent event;
        try {
            event = WebhookRecords.of(record);
        } catch (RuntimeException e) {
            // Neither the payload nor the parser's message (which quotes it) is logged: it may hold personal data.
            LOG.warnf(
                    "Skipped %s-%d@%d for %s's webhook: not a valid event of its topic (%s)",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    target.app(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
        return routing.isFor(target.app(), event.customerId()) ? Optional.of(event) : Optional.empty();
    }

    /** True once the event is delivered or dead-lettered; false when its partition went elsewhere or we stop. */
    private boolean deliver(WebhookEvent event, TopicPartition partition) {
        PendingDelivery pending = deliveries.start(event);
        try {
            while (true) {
                DeliveryDecision decision = deliveries.attempt(pending, target);
                switch (decision) {
                    case DeliveryDecision.Delivered delivered -> {
                        metrics.count(event.type(), WebhookMetrics.DELIVERED);
                        LOG.debugf(
                                "Delivered %s %s to %s (attempt %d)",
                                event.type(), event.id(), target, pending.attempts());
                        return true;
                    }
                    case DeliveryDecision.RetryAt retry -> {
                        metrics.count(event.type(), WebhookMetrics.RETRIED);
                        metrics.pendingSince(pending.firstAttempt());
                        LOG.infof(
                                "Webhook %s %s to %s failed (%s, attempt %d); next attempt at %s",
                                event.type(), event.id(), target, retry.failure(), pending.attempts(), retry.next());
                        if (!waitUntil(retry.next(), partition)) {
                            return false;
                        }
                    }
                    case DeliveryDecision.GiveUp giveUp -> {
                        return deadLetter(pending, giveUp.failure(), partition);
                    }
                }
            }
        } finally {
            metrics.nonePending();
        }
    }

    /** Writes the dead letter, trying again while the broker does not acknowledge it: only then is the offset committed. */
    private boolean deadLetter(PendingDelivery pending, String failure, TopicPartition partition) {
        WebhookEvent event = pending.event();
        while (true) {
            try {
                deadLetters.write(target.app(), pending, failure);
                metrics.count(event.type(), WebhookMetrics.DEAD_LETTERED);
                LOG.warnf(
                        "Gave up webhook %s %s to %s after %d attempts (%s): written to %s",
                        event.type(), event.id(), target, pending.attempts(), failure, WebhookDeadLetters.TOPIC);
                return true;
            } catch (IllegalStateException e) {
                LOG.errorf("Could not dead-letter webhook %s to %s: %s", event.id(), target, e.getMessage());
                if (!waitUntil(clock.instant().plus(deadLetterRetry), partition)) {
                    return false;
                }
            }
        }
    }

    /**
     * Polls with every partition paused until {@code due}, so the group does not think this consumer dead (never a
     * sleep past {@code max.poll.interval.ms}). False when {@code partition} was revoked meanwhile, or on stop.
     */
    private boolean waitUntil(Instant due, TopicPartition partition) {
        consumer.pause(consumer.assignment());
        waiting = true;
        try {
            while (running && !revoked.contains(partition)) {
                Duration left = Duration.between(clock.instant(), due);
                if (left.isNegative() || left.isZero()) {
                    return true;
                }
                ConsumerRecords<String, String> early = consumer.poll(left.compareTo(POLL) < 0 ? left : POLL);
                // Only from a partition assigned in a rebalance before it could be paused: read again later, in order.
                for (TopicPartition from : early.partitions()) {
                    consumer.seek(from, early.records(from).getFirst().offset());
                }
            }
            return false;
        } finally {
            waiting = false;
            consumer.resume(consumer.assignment());
        }
    }

    private void commitSkipped() {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(uncommitted);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The group moved on: a partition's next owner reads from the older offset and sends again (at least once).
            LOG.infof("%s's webhooks could not commit %s during a rebalance", target.app(), uncommitted.keySet());
        } finally {
            uncommitted.clear();
        }
    }

    /**
     * After a rebalance in the middle of a batch, every partition still assigned starts again from its committed offset:
     * a partition kept through a cooperative rebalance would otherwise skip the batch's unhandled rest.
     */
    private void rewindToCommitted() {
        commitSkipped();
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(Set.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    /** Commits what was skipped on the partitions leaving, so their next owner does not read it again. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = uncommitted.remove(partition);
            if (offset != null) {
                leaving.put(partition, offset);
            }
        }
        revoked.addAll(partitions);
        if (!leaving.isEmpty()) {
            try {
                consumer.commitSync(leaving);
            } catch (RuntimeException e) {
                LOG.debugf("Could not commit %s on revocation (%s): they will be skipped again", leaving.keySet(), e);
            }
        }
    }

    /** Lost (the session expired): the offsets cannot be committed any more. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        partitions.forEach(uncommitted::remove);
        revoked.addAll(partitions);
    }

    /** A partition assigned while a delivery waits stays paused with the rest, so the app's events stay in order. */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (waiting) {
            consumer.pause(partitions);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
