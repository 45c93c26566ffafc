package dev.rainmaker.notifier.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.notifier.service.ReadyNotifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code StackInstalled} events one at a time: the customer is told (blocking, off the event loop), then
 * {@code CustomerReady} is published in a transaction that also commits the input's offset, so a crash never
 * publishes it twice. A crash after the email and before the commit sends the email again on redelivery: the mail
 * server is outside the transaction.
 */
@ApplicationScoped
public class StackInstalledConsumer {

    static final String CHANNEL = "stacks-installed-in";
    private static final Logger LOG = Logger.getLogger(StackInstalledConsumer.class);

    private final ReadyNotifier notifier;
    private final EventPublisher publisher;

    StackInstalledConsumer(ReadyNotifier notifier, EventPublisher publisher) {
        this.notifier = notifier;
        this.publisher = publisher;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onStackInstalled(Message<String> message) {
        return Uni.createFrom()
                .item(() -> notifier.notifyReady(EventJson.read(message.getPayload(), StackInstalled.class)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItemOrFailure()
                .transformToUni(
                        (ready, failure) -> failure == null ? publish(message, ready) : deadLetter(message, failure));
    }

    private Uni<Void> publish(Message<String> message, CustomerReady ready) {
        return publisher
                .publishConsuming(message, ready)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "CustomerReady for %s not committed (%s); its StackInstalled will be read again",
                            ready.customerId(), failure.getMessage());
                    return null;
                });
    }

    /** The failure strategy (dead-letter topic) takes over; the stream goes on with the next record. */
    private static Uni<Void> deadLetter(Message<String> message, Throwable failure) {
        return Uni.createFrom().completionStage(message.nack(failure));
    }
}
