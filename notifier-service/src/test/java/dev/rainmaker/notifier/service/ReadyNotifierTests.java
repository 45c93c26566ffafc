package dev.rainmaker.notifier.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyNotifierTests {

    @Test
    void greetsByContactNameAndFallsBackToTheCustomerId() {
        assertThat(ReadyNotifier.greetingName("  Ada Lovelace ", "acme")).isEqualTo("Ada Lovelace");
        assertThat(ReadyNotifier.greetingName(null, "acme")).isEqualTo("acme");
        assertThat(ReadyNotifier.greetingName(" ", "acme")).isEqualTo("acme");
    }
}
