package dev.rainmaker.droplet.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How droplet-service reaches DigitalOcean, what each plan creates, and how long it waits. */
@ConfigMapping(prefix = "rainmaker.droplet")
public interface DropletConfig {

    /** DigitalOcean's API root, without {@code /v2}. */
    @WithDefault("https://api.digitalocean.com")
    String apiUrl();

    /** The DigitalOcean API token; never logged. Empty when not configured. */
    Optional<String> token();

    /** File holding the provisioning SSH public key (one OpenSSH line) that every droplet authorises for root. */
    Path provisioningPublicKeyFile();

    /** Plan name (as in the sign-up) to what is created for it. */
    Map<String, Plan> plans();

    /** How often the droplets in flight (tag {@code rainmaker-booting}) are listed while some are booting. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * The share of this instance's per-minute request budget that listings of droplets may spend, at a steady rate
     * (a listing of P pages follows the previous one by at least P × 61 s / (share × per-minute)). The rest is left
     * for creates, untagging and the firewall, so that listings never spend the minute's budget and make them wait.
     */
    @WithDefault("0.5")
    double listingShare();

    /** How long a droplet may take to become active before the request fails for good. */
    @WithDefault("10m")
    Duration bootTimeout();

    /** How long a droplet that was just created may still be answered with 404 (DigitalOcean's eventual consistency). */
    @WithDefault("1m")
    Duration notFoundGrace();

    /** How long the catalogue (sizes, regions, images) is trusted before it is fetched again. */
    @WithDefault("10m")
    Duration catalogueRefresh();

    /** How long one call to DigitalOcean may take before its outcome counts as unknown. */
    @WithDefault("30s")
    Duration requestTimeout();

    Retry retry();

    RateLimit rateLimit();

    Batch batch();

    /**
     * Whether a customer's droplet is kept when their provisioning fails for good (here, or later in hardening or the
     * stack install), for debugging. By default it is destroyed, so failed customers leave nothing billing.
     */
    @WithDefault("false")
    boolean keepFailedDroplets();

    interface Plan {

        String size();

        String image();

        String region();
    }

    /** Retrying a transient failure (429, 5xx, no answer) in place: exponential backoff with jitter. */
    interface Retry {

        @WithDefault("6")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    /**
     * The client-side request budget of this instance. DigitalOcean allows 250 requests a minute and 5,000 an hour per
     * token; when several instances share a token, each keeps to its share: the budgets divided by {@code instances}.
     */
    interface RateLimit {

        @WithDefault("250")
        int perMinute();

        @WithDefault("5000")
        int perHour();

        /** How many instances share the token (and so the budgets). */
        @WithDefault("1")
        int instances();
    }

    /** Creating droplets in bursts: up to {@code max-size} (at most 10) per {@code POST /v2/droplets}. */
    interface Batch {

        /**
         * How many droplets one create may carry; DigitalOcean accepts up to 10. A batch shares one cloud-config and so
         * one boot host key, which bootstrap-service replaces with a key of each droplet's own on first login.
         */
        @WithDefault("10")
        int maxSize();

        /** How long the first request of a batch waits for others to join it. */
        @WithDefault("200ms")
        Duration window();

        /** The shortest time between two listings when a lookup before a create is waiting. */
        @WithDefault("1s")
        Duration lookupInterval();
    }
}
