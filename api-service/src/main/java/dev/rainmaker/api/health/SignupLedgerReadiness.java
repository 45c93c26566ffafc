package dev.rainmaker.api.health;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.api.messaging.SignupLedger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the sign-up topic has been read once to its end: before that, a retry could be published twice. */
@Readiness
@ApplicationScoped
public class SignupLedgerReadiness implements HealthCheck {

    private final SignupLedger ledger;

    SignupLedgerReadiness(SignupLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sign-up ledger")
                .status(ledger.caughtUpOnce())
                .build();
    }
}
