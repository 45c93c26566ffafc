package dev.rainmaker.messaging;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The records a service's stages are handling now, by where each was read. A rebalance may hand a partition back to
 * this process from its last commit while records read before it are still being handled, each on a virtual thread of
 * its own: the same record then arrives a second time. That delivery must not do the stage's work again alongside the
 * first (two stack installs on one host at once); it waits for the first handling to be over, which did the work and
 * published what follows, and is then acknowledged. A record delivered again after its first handling ended is
 * handled again, as any redelivery is.
 */
final class RecordsInHand {

    private static final Logger LOG = Logger.getLogger(RecordsInHand.class);

    private final ConcurrentMap<Position, CompletableFuture<Void>> inHand = new ConcurrentHashMap<>();

    /** Where a record was read: by which channel, and from which topic, partition and offset. */
    record Position(String channel, String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset + " (" + channel + ")";
        }
    }

    /**
     * {@code handling}'s outcome, run now; or, when the same record is in hand already, its acknowledgement once that
     * first handling is over. A message not read from Kafka is always handled.
     */
    CompletionStage<Void> once(Message<?> message, Supplier<CompletionStage<Void>> handling) {
        Optional<Position> position = IncomingRecords.positionOf(message);
        if (position.isEmpty()) {
            return handling.get();
        }
        CompletableFuture<Void> over = new CompletableFuture<>();
        CompletableFuture<Void> first = inHand.putIfAbsent(position.get(), over);
        if (first != null) {
            LOG.infof(
                    "record %s delivered again while still in hand here (a rebalance gave its partition back):"
                            + " acknowledged once its first handling is over, not handled twice",
                    position.get());
            return first.thenCompose(ignored -> message.ack());
        }
        try {
            return handling.get().whenComplete((ignored, failure) -> release(position.get(), over));
        } catch (RuntimeException e) {
            release(position.get(), over);
            throw e;
        }
    }

    private void release(Position position, CompletableFuture<Void> over) {
        inHand.remove(position, over);
        over.complete(null);
    }
}
