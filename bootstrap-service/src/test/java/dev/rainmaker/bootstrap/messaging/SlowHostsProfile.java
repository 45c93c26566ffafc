package dev.rainmaker.bootstrap.messaging;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Slow hosts in seconds: a command timeout of 2 s, a stage budget of 20 s, a busy host looked at twice a second. */
public class SlowHostsProfile implements QuarkusTestProfile {

    static final String STAGE_BUDGET = "PT20S";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rainmaker.ssh.command-timeout", "PT2S",
                "rainmaker.ssh.stage-budget", STAGE_BUDGET,
                "rainmaker.ssh.max-retry-delay", "PT0.5S");
    }
}
