package dev.rainmaker.stack.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.stack.service.StackInstaller;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A hardened host gets its stack; the message is acknowledged once StackInstalled is on the broker. */
@ApplicationScoped
public class HostHardenedConsumer {

    static final String CHANNEL = "hosts-hardened-in";

    private final StackInstaller installer;
    private final StackInstalledPublisher publisher;

    public HostHardenedConsumer(StackInstaller installer, StackInstalledPublisher publisher) {
        this.installer = installer;
        this.publisher = publisher;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public void consume(String value) {
        HostHardened event = EventJson.read(value, HostHardened.class);
        publisher.publish(installer.install(event));
    }
}
