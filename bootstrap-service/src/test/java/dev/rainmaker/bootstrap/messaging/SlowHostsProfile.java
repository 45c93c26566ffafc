package dev.rainmaker.bootstrap.messaging;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Slow hosts in seconds: a command timeout of 2 s, a stage budget of 15 s, a busy host looked at twice a second. */
public class SlowHostsProfile implements QuarkusTestProfile {

    /**
     * Twice what the install that outlives its command timeout needs: it ends 5 s after it starts, 7 to 8 s into the
     * stage on a loaded 2-core machine (hardening runs more steps before it than the stack). A test whose install hangs
     * waits all of it out.
     */
    static final String STAGE_BUDGET = "PT15S";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rainmaker.ssh.command-timeout", "PT2S",
                "rainmaker.ssh.stage-budget", STAGE_BUDGET,
                "rainmaker.ssh.max-retry-delay", "PT0.5S");
    }
}
