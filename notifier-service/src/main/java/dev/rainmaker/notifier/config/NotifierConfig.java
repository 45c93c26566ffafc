package dev.rainmaker.notifier.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rainmaker.notifier")
public interface NotifierConfig {

    /** How the emails name the product. */
    @WithDefault("Rainmaker")
    String productName();

    /** Where customers are told to write when something is wrong. */
    @WithDefault("support@rainmaker.example")
    String supportEmail();

    /** Where failed provisionings are reported, one digest per window. */
    String opsEmail();

    /**
     * How long after the first failure the digest is sent: everything failing meanwhile goes into the same email, and
     * the next failure starts a new window.
     */
    @WithDefault("30s")
    Duration failureDigestWindow();

    /** How many times a customer's email is tried while the mail server does not take it for now (4xx, unreachable). */
    @WithDefault("4")
    int mailAttempts();

    /** The wait before the second try; it doubles before each further one (1 + 2 + 4 s by default). */
    @WithDefault("1s")
    Duration mailRetryDelay();
}
