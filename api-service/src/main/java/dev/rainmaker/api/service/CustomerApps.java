package dev.rainmaker.api.service;

import java.util.Optional;

/** Which SaaS app signed each customer up, as the sign-up topic records it (api-service's sign-up ledger). */
public interface CustomerApps {

    /**
     * The app that signed the customer up; empty when its sign-up names no app (published straight to Kafka) or there
     * is none. A customer not yet known is looked up again once the sign-up topic has been read up to its end as of
     * this call, so a sign-up acknowledged before the call is never missed; this may block briefly.
     */
    Optional<String> appOf(String customerId);
}
