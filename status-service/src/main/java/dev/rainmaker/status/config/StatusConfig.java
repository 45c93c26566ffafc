package dev.rainmaker.status.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code rainmaker.status.*}: when an in-flight customer counts as stuck, who may use the API, and how much the fold is
 * warmed up at start.
 */
@ConfigMapping(prefix = "rainmaker.status")
public interface StatusConfig {

    /** Per stage, how long a customer may wait in it before it counts as stuck. */
    Deadline deadline();

    /**
     * The API's users by name: {@code rainmaker.status.users.<name>.password-hash} (bcrypt, {@code $2a$}/{@code $2b$}/
     * {@code $2y$}) and {@code .roles} ({@code viewer}, {@code operator}). Empty: only OIDC (when enabled) lets anyone in.
     */
    Map<String, User> users();

    /**
     * How many sample customers the fold takes in, in memory, at start, so that the JIT has compiled it before the
     * first burst (docs/benchmarks.md); 0: none.
     */
    @WithDefault("3000")
    int warmUpCustomers();

    interface Deadline {
        @WithDefault("10m")
        Duration droplet();

        @WithDefault("15m")
        Duration hardening();

        @WithDefault("30m")
        Duration stack();

        @WithDefault("10m")
        Duration email();
    }

    interface User {
        String passwordHash();

        @WithDefault("viewer")
        List<String> roles();
    }
}
