package dev.rainmaker.messaging;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.RainmakerEvent;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One record of a stage, start to end: read the event, do the stage's work (which publishes what comes next and returns
 * once the broker has it), then ack. A record that cannot be read is dead-lettered; work that throws is reported as
 * the customer's failure ({@link FailureReports}). Each record's handling is measured ({@link StageMetrics}). A record
 * delivered again while this process still handles it is not handled twice at once ({@link RecordsInHand}).
 */
@ApplicationScoped
public class StageHandler {

    private final FailureReports failures;
    private final StageMetrics metrics;
    private final RecordsInHand recordsInHand = new RecordsInHand();

    StageHandler(FailureReports failures, StageMetrics metrics) {
        this.failures = failures;
        this.metrics = metrics;
    }

    public <E extends RainmakerEvent> CompletionStage<Void> handle(
            Message<String> message, ProvisioningStage stage, Class<E> eventType, Consumer<E> work) {
        return recordsInHand.once(message, () -> handleOnce(message, stage, eventType, work));
    }

    private <E extends RainmakerEvent> CompletionStage<Void> handleOnce(
            Message<String> message, ProvisioningStage stage, Class<E> eventType, Consumer<E> work) {
        StageMetrics.Handling handling = metrics.started(stage, message);
        E event;
        try {
            event = EventJson.read(message.getPayload(), eventType);
        } catch (InvalidEventException e) {
            handling.unreadable();
            return failures.unreadable(message, stage, e);
        }
        try {
            work.accept(event);
        } catch (RuntimeException e) {
            handling.failed();
            return failures.failed(message, stage, event, e);
        }
        handling.done();
        return message.ack();
    }
}
