package dev.rainmaker.stack.service;

import java.time.Duration;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.stack.config.StackConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/** Check, change only if needed, check again: a step that is still not satisfied fails for good. */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);

    private final Counter applied;
    private final Counter skipped;
    private final int verifyAttempts;
    private final Duration verifyPause;

    @Inject
    public StepRunner(MeterRegistry registry, StackConfig config) {
        this(registry, config.verifyAttempts(), config.verifyPause());
    }

    public StepRunner(MeterRegistry registry, int verifyAttempts, Duration verifyPause) {
        this.applied = registry.counter("rainmaker.stack.steps", "outcome", "applied");
        this.skipped = registry.counter("rainmaker.stack.steps", "outcome", "skipped");
        this.verifyAttempts = Math.max(1, verifyAttempts);
        this.verifyPause = verifyPause;
    }

    public StepOutcome run(HostShell shell, HostStep step) {
        if (step.satisfiedBy(shell.run(step.check()))) {
            skipped.increment();
            LOG.debugf("%s: '%s' already true", shell.host(), step.name());
            return StepOutcome.SKIPPED;
        }
        List<String> changes = step.apply();
        if (changes.isEmpty()) {
            CommandOutput last = recheck(shell, step);
            if (!step.satisfiedBy(last)) {
                throw new PermanentFailure("step '" + step.name() + "' failed its verification on " + shell.host()
                        + ": " + last.describe());
            }
            skipped.increment();
            return StepOutcome.SKIPPED;
        }
        for (int i = 0; i < changes.size(); i++) {
            CommandOutput output = shell.run(changes.get(i));
            if (!output.succeeded()) {
                throw new PermanentFailure("step '" + step.name() + "' on " + shell.host() + ": change " + (i + 1)
                        + " of " + changes.size() + " failed: " + output.describe());
            }
        }
        CommandOutput last = recheck(shell, step);
        if (!step.satisfiedBy(last)) {
            throw new PermanentFailure("step '" + step.name() + "' on " + shell.host()
                    + " is still not satisfied after its change: " + last.describe());
        }
        applied.increment();
        LOG.infof("%s: '%s' applied", shell.host(), step.name());
        return StepOutcome.APPLIED;
    }

    private CommandOutput recheck(HostShell shell, HostStep step) {
        CommandOutput output = shell.run(step.check());
        for (int attempt = 2; attempt <= verifyAttempts && !step.satisfiedBy(output); attempt++) {
            pause();
            output = shell.run(step.check());
        }
        return output;
    }

    private void pause() {
        try {
            Thread.sleep(verifyPause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermanentFailure("interrupted while waiting to check a step again", e);
        }
    }
}
