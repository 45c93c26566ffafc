package dev.rainmaker.api.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** api-service's settings: the SaaS apps that may call it, where customers' states come from, and webhooks. */
@ConfigMapping(prefix = "rainmaker.api")
public interface ApiConfig {

    /** The SaaS apps that may use the API, by name (the name is what Rainmaker records as a customer's app). */
    Map<String, App> apps();

    /** Where {@code GET /v1/customers/{id}} reads a customer's state: status-service's API. */
    Status status();

    /** How webhooks are delivered, for every app that has one. */
    Webhooks webhooks();

    /**
     * The app that owns customers signed up straight on the Kafka topic, whose records name no app: its webhook gets
     * their events. Without it, such customers get no webhook.
     */
    Optional<String> kafkaSignupsApp();

    /** The plan names a sign-up may name: the ones droplet-service knows ({@code rainmaker.droplet.plans.*}). */
    @WithDefault("starter,pro")
    Set<String> plans();

    /** How the door waits on Kafka: for the broker's ack of a sign-up, and for the ledger to catch up. */
    Signups signups();

    /** What an app may do with its token. */
    enum Scope {
        /** {@code POST /v1/customers} */
        SIGNUP,
        /** {@code GET /v1/customers/{id}} */
        READ
    }

    interface App {

        /**
         * Hex SHA-256 digests of the app's API tokens; the tokens themselves are never configured. More than one
         * while a token is rotated. Tokens are random (32 bytes or more), so a plain digest is as safe as a slow hash.
         */
        List<String> tokenSha256();

        @WithDefault("signup,read")
        Set<Scope> scopes();

        RateLimit rateLimit();

        /** Where this app's webhooks go; none when absent. */
        Optional<Webhook> webhook();
    }

    /** A token bucket per token: {@code per-second} requests sustained, {@code burst} at once. */
    interface RateLimit {

        @WithDefault("50")
        double perSecond();

        @WithDefault("100")
        int burst();
    }

    interface Webhook {

        URI url();

        /** The HMAC-SHA256 key the app verifies signatures with (set it from the environment, never in a file). */
        String secret();
    }

    interface Status {

        /** status-service's base URL. */
        @WithDefault("http://127.0.0.1:8085")
        URI url();

        /** A status-service user with the viewer role, and its password (from the environment). */
        String user();

        String password();

        @WithDefault("2s")
        Duration timeout();
    }

    interface Signups {

        /** The longest wait for the broker to acknowledge a sign-up before answering 503. */
        @WithDefault("5s")
        Duration publishTimeout();

        /** The longest wait for the sign-up ledger to read the topic up to its end before answering 503. */
        @WithDefault("5s")
        Duration ledgerTimeout();
    }

    interface Webhooks {

        /** The wait after a first failed delivery; it doubles per failure up to {@code max-backoff}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** How long a delivery is retried before it goes to the dead-letter topic. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** How long one POST to a receiver may take. */
        @WithDefault("10s")
        Duration requestTimeout();
    }
}
