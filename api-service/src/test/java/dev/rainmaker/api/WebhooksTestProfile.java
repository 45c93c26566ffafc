package dev.rainmaker.api;

import java.util.List;
import java.util.Set;

import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A broker, a webhook receiver for acme and globex, and customers' apps from {@link TestCustomerApps}. */
public class WebhooksTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestCustomerApps.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(WebhookReceiver.class));
    }
}
