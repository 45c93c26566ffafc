package dev.rainmaker.api;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.rainmaker.api.service.CustomerApps;

/**
 * Whose customers the webhook tests' customers are, without the sign-up ledger: {@code hook-*} are acme's,
 * {@code other-*} globex's, any other none. Selected only by {@link WebhooksTestProfile}, so other tests keep the real
 * ledger.
 */
@Alternative
@ApplicationScoped
public class TestCustomerApps implements CustomerApps {

    @Override
    public Optional<String> appOf(String customerId) {
        if (customerId.startsWith("hook-")) {
            return Optional.of("acme");
        }
        if (customerId.startsWith("other-")) {
            return Optional.of("globex");
        }
        return Optional.empty();
    }
}
