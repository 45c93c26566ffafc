package dev.rainmaker.hostaccess;

import java.time.Duration;

import dev.rainmaker.events.AttemptCount;
import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.KindOfFailure;

/**
 * A stage on a host kept failing as a slow or busy host does (commands outliving their timeout, sessions breaking, the
 * host busy with its packages) until its stage budget ({@code rainmaker.ssh.stage-budget}) was spent. Its dead letter
 * says {@code rainmaker-failure: budget-spent}; its attempts are the resumptions made.
 */
public class StageBudgetSpent extends RuntimeException implements AttemptCount, KindOfFailure {

    private final int resumptions;

    /**
     * @param lastSeen what the host was last seen doing, e.g. "apt-get still running"
     * @param lastCause the last transient failure; its message names the host and the command, never a secret
     */
    public StageBudgetSpent(
            String stage,
            String host,
            Duration budget,
            Duration ran,
            int resumptions,
            String lastSeen,
            RuntimeException lastCause) {
        super(
                "the " + stage + " stage budget of " + budget + " on " + host + " is spent: it ran " + Minutes.of(ran)
                        + " and resumed " + (resumptions == 1 ? "once" : resumptions + " times")
                        + "; the host was last seen " + lastSeen
                        + "; the last transient failure: " + lastCause.getMessage(),
                lastCause);
        this.resumptions = resumptions;
    }

    @Override
    public int attempts() {
        return Math.max(1, resumptions);
    }

    @Override
    public FailureKind failureKind() {
        return FailureKind.BUDGET_SPENT;
    }
}
