package dev.rainmaker.stack.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Emits StackInstalled keyed by customer id, with CloudEvents headers, and waits for the broker's acknowledgement. */
@ApplicationScoped
public class StackInstalledPublisher {

    static final String CHANNEL = "stacks-installed-out";

    private final MutinyEmitter<String> emitter;
    private final EventMessages messages;

    public StackInstalledPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, EventMessages messages) {
        this.emitter = emitter;
        this.messages = messages;
    }

    public void publish(StackInstalled event) {
        emitter.sendMessageAndAwait(messages.of(event));
    }
}
