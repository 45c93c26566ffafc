package dev.rainmaker.api.service;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRoutingTests {

    private final CustomerApps apps = customerId ->
            Optional.ofNullable(Map.of("a-1", "acme", "g-1", "globex").get(customerId));

    @Test
    void anEventGoesToTheAppThatSignedItsCustomerUpOnly() {
        var routing = new WebhookRouting(apps, Optional.of("acme"));

        assertThat(routing.isFor("acme", "a-1")).isTrue();
        assertThat(routing.isFor("globex", "a-1")).isFalse();
        assertThat(routing.isFor("acme", "g-1"))
                .as("globex's customer, though acme takes Kafka sign-ups")
                .isFalse();
    }

    @Test
    void aCustomerSignedUpOnKafkaGoesToTheKafkaSignupsAppOrToNobody() {
        assertThat(new WebhookRouting(apps, Optional.of("acme")).isFor("acme", "kafka-1"))
                .isTrue();
        assertThat(new WebhookRouting(apps, Optional.of("acme")).isFor("globex", "kafka-1"))
                .isFalse();
        assertThat(new WebhookRouting(apps, Optional.empty()).isFor("acme", "kafka-1"))
                .isFalse();
    }
}
