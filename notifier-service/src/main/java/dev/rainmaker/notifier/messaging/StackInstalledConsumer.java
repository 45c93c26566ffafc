package dev.rainmaker.notifier.messaging;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.messaging.FailureReports;
import dev.rainmaker.messaging.StageMetrics;
import dev.rainmaker.notifier.service.ReadyNotifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code StackInstalled} events one at a time: the customer is told (blocking, off the event loop), then
 * {@code CustomerReady} is published in a transaction that also commits the input's offset, so a crash never
 * publishes it twice. A customer already ready (a repeated {@code StackInstalled}) is neither told nor published
 * again. A crash after the email and before the commit sends the email again on redelivery: the mail server is
 * outside the transaction.
 */
@ApplicationScoped
public class StackInstalledConsumer {

    static final String CHANNEL = "stacks-installed-in";
    private static final ProvisioningStage STAGE = ProvisioningStage.EMAILING_CUSTOMER;
    private static final Logger LOG = Logger.getLogger(StackInstalledConsumer.class);

    private final ReadyNotifier notifier;
    private final EventPublisher publisher;
    private final ReadyCustomers readyCustomers;
    private final FailureReports failures;
    private final StageMetrics metrics;

    StackInstalledConsumer(
            ReadyNotifier notifier,
            EventPublisher publisher,
            ReadyCustomers readyCustomers,
            FailureReports failures,
            StageMetrics metrics) {
        this.notifier = notifier;
        this.publisher = publisher;
        this.readyCustomers = readyCustomers;
        this.failures = failures;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onStackInstalled(Message<String> message) {
        StageMetrics.Handling handling = metrics.started(STAGE, message);
        StackInstalled stack;
        try {
            stack = EventJson.read(message.getPayload(), StackInstalled.class);
        } catch (InvalidEventException e) {
            handling.unreadable();
            return Uni.createFrom().completionStage(failures.unreadable(message, STAGE, e));
        }
        return Uni.createFrom()
                .item(() -> tellUnlessReady(stack))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItemOrFailure()
                .transformToUni((ready, failure) -> {
                    if (failure != null) {
                        handling.failed();
                        return failed(message, stack, failure);
                    }
                    handling.done();
                    return ready.isPresent()
                            ? settle(message, publish(message, ready.get()))
                            : settle(message, publisher.skipConsumed(message));
                });
    }

    private Optional<CustomerReady> tellUnlessReady(StackInstalled stack) {
        if (readyCustomers.isReady(stack.customerId())) {
            LOG.infof("customer %s is ready already: StackInstalled again, nobody told twice", stack.customerId());
            return Optional.empty();
        }
        return Optional.of(notifier.notifyReady(stack));
    }

    private Uni<Void> publish(Message<String> message, CustomerReady ready) {
        return publisher.publishConsuming(message, ready).invoke(() -> readyCustomers.committed(ready.customerId()));
    }

    /** An aborted transaction put the consumer back to its last committed offset: the record comes again. */
    private static Uni<Void> settle(Message<String> message, Uni<Void> transaction) {
        return transaction
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "transaction for %s aborted (%s); it will be read again",
                            message.getMetadata(IncomingKafkaRecordMetadata.class)
                                    .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                                    .orElse("a StackInstalled"),
                            failure.getMessage());
                    return null;
                });
    }

    /** Dead-lettered and reported as failed (on this worker thread: the report waits for the broker). */
    private Uni<Void> failed(Message<String> message, StackInstalled stack, Throwable failure) {
        return Uni.createFrom().completionStage(failures.failed(message, STAGE, stack, failure));
    }
}
