package dev.rainmaker.api.service;

import java.util.Optional;

/**
 * Whose webhook an event goes to: the app that signed its customer up, or, for a customer whose sign-up named no app
 * (published straight to Kafka), the configured {@code kafka-signups-app}. Every app's consumer reads every event and
 * keeps only its own.
 */
public final class WebhookRouting {

    private final CustomerApps customerApps;
    private final Optional<String> kafkaSignupsApp;

    public WebhookRouting(CustomerApps customerApps, Optional<String> kafkaSignupsApp) {
        this.customerApps = customerApps;
        this.kafkaSignupsApp = kafkaSignupsApp;
    }

    public boolean isFor(String app, String customerId) {
        return customerApps
                .appOf(customerId)
                .or(() -> kafkaSignupsApp)
                .filter(app::equals)
                .isPresent();
    }
}
