package dev.rainmaker.bootstrap.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.bootstrap.domain.StepOutcome;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;

/** Check, change only if needed, check again: a step is done only once the host shows it is. */
@ApplicationScoped
public class StepRunner {

    public StepOutcome run(HostShell host, HostStep step) {
        if (step.satisfiedBy().test(host.run(step.check()))) {
            return StepOutcome.SKIPPED;
        }
        CommandOutput applied = host.run(step.apply());
        CommandOutput verified = host.run(step.check());
        if (!step.satisfiedBy().test(verified)) {
            throw new HardeningFailure("hardening step '" + step.name() + "' is still not satisfied after its change;"
                    + " the change ended with " + applied.describe() + "; the check then showed "
                    + verified.describe());
        }
        return StepOutcome.APPLIED;
    }
}
