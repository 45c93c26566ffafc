package dev.rainmaker.stack.messaging;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Slow hosts in seconds: a command timeout of 2 s, a stage budget of 12 s, a busy host looked at twice a second. */
public class SlowHostsProfile implements QuarkusTestProfile {

    /**
     * Twice what the install that outlives its command timeout needs: it ends 5 s after it starts, about 6 s into the
     * stage on a loaded 2-core machine. A test whose install hangs waits all of it out.
     */
    static final String STAGE_BUDGET = "PT12S";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rainmaker.ssh.command-timeout", "PT2S",
                "rainmaker.ssh.stage-budget", STAGE_BUDGET,
                "rainmaker.ssh.initial-retry-delay", "PT0.2S",
                "rainmaker.ssh.max-retry-delay", "PT0.5S");
    }
}
