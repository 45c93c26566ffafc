package dev.rainmaker.stack.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How patient a step is with a check that follows a change (a restarted daemon takes a moment to listen). */
@ConfigMapping(prefix = "rainmaker.stack")
public interface StackConfig {

    /** How many times a check runs after a change, or for a pure verification, before the step fails. */
    @WithDefault("5")
    int verifyAttempts();

    /** The pause between those checks. */
    @WithDefault("PT1S")
    Duration verifyPause();
}
