package dev.rainmaker.api.service;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.domain.CustomerState;
import dev.rainmaker.api.domain.PastSignup;
import dev.rainmaker.api.domain.StatusCustomer;
import dev.rainmaker.events.ProvisioningStage;

/**
 * {@code GET /v1/customers/{id}}: an app's customer as status-service sees it, in the app's words. Another app's
 * customer is unknown to the caller: the answer does not say it exists. Customers signed up straight on Kafka belong to
 * {@code rainmaker.api.kafka-signups-app}, if set.
 */
@ApplicationScoped
public class CustomerStates {

    private final SignupHistory history;
    private final StatusView status;
    private final Optional<String> kafkaSignupsApp;

    public CustomerStates(ApiConfig config, SignupHistory history, StatusView status) {
        this.history = history;
        this.status = status;
        this.kafkaSignupsApp = config.kafkaSignupsApp();
    }

    /** Empty when the customer is not the app's (or not known at all). */
    public Optional<CustomerState> of(String app, String customerId) {
        Optional<PastSignup> signup = history.byCustomer(customerId);
        if (signup.isEmpty()) {
            history.catchUp();
            signup = history.byCustomer(customerId);
        }
        boolean owned = signup.map(known -> known.app() == null
                        ? kafkaSignupsApp.map(app::equals).orElse(false)
                        : known.app().equals(app))
                .orElse(false);
        if (!owned) {
            return Optional.empty();
        }
        return Optional.of(status.customer(customerId)
                .map(CustomerStates::inTheAppsWords)
                .orElseGet(() -> CustomerState.accepted(customerId)));
    }

    static CustomerState inTheAppsWords(StatusCustomer customer) {
        String id = customer.customerId();
        return switch (customer.state()) {
            case "ready" ->
                new CustomerState(
                        id,
                        CustomerState.READY,
                        null,
                        customer.since(),
                        customer.appUrl(),
                        customer.droplet() == null ? null : customer.droplet().ip(),
                        customer.droplet() == null ? null : customer.droplet().hostKeyFingerprint(),
                        null);
            case "failed", "torn-down" -> {
                ProvisioningStage stage = stageOf(customer.failedStage());
                yield new CustomerState(
                        id,
                        CustomerState.FAILED,
                        nameOf(stage),
                        customer.since(),
                        null,
                        null,
                        null,
                        CustomerFacingReasons.of(stage));
            }
            default ->
                new CustomerState(
                        id,
                        CustomerState.PROVISIONING,
                        nameOf(stageOf(customer.stage())),
                        customer.since(),
                        null,
                        null,
                        null,
                        null);
        };
    }

    /** status-service's stage (the one a customer waits in, or stopped in) as the pipeline's. */
    private static ProvisioningStage stageOf(String statusStage) {
        if (statusStage == null) {
            return ProvisioningStage.VALIDATING_SIGNUP;
        }
        return switch (statusStage) {
            case "hardening" -> ProvisioningStage.HARDENING_HOST;
            case "stack" -> ProvisioningStage.INSTALLING_STACK;
            case "email" -> ProvisioningStage.EMAILING_CUSTOMER;
            default -> ProvisioningStage.CREATING_DROPLET;
        };
    }

    /** {@code CREATING_DROPLET} as {@code creating-droplet}. */
    private static String nameOf(ProvisioningStage stage) {
        return CloudEvents.stageName(stage);
    }
}
