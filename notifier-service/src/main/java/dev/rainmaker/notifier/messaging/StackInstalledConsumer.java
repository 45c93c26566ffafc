package dev.rainmaker.notifier.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.notifier.service.ReadyNotifier;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code StackInstalled} events; the customer is told and {@code CustomerReady} published before the ack. */
@ApplicationScoped
public class StackInstalledConsumer {

    static final String CHANNEL = "stacks-installed-in";

    private final ReadyNotifier notifier;
    private final EventPublisher publisher;

    StackInstalledConsumer(ReadyNotifier notifier, EventPublisher publisher) {
        this.notifier = notifier;
        this.publisher = publisher;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public void onStackInstalled(String json) {
        StackInstalled stack = EventJson.read(json, StackInstalled.class);
        publisher.publish(notifier.notifyReady(stack));
    }
}
