package dev.rainmaker.hostaccess.resume;

import java.util.Optional;
import java.util.function.Function;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.hostaccess.HostKeyMismatch;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.HostShells;
import dev.rainmaker.hostaccess.LoginRefused;
import dev.rainmaker.hostaccess.Minutes;
import dev.rainmaker.hostaccess.StageBudgetSpent;
import dev.rainmaker.hostaccess.config.SshConfig;
import dev.rainmaker.hostaccess.ssh.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * A stage on a host that resumes: a slow host is not a failed host. The stage's body (open shells, run steps that each
 * check before they change) runs again after a transient host failure ({@link TransientCause}), and after any other
 * failure while the host is not quiet, until the stage budget is spent ({@link StageBudgetSpent}). Before resuming it
 * waits (backoff of the {@link RetryPolicy}) and looks at the host ({@link HostSettling}): it waits while package
 * managers run and repairs an interrupted dpkg. What cannot succeed stays permanent and ends the stage at once: a
 * refused host key or login, a host never reached, a failure (a missing package, a failed verification) on a host seen
 * quiet.
 */
@ApplicationScoped
public class ResumingStages {

    private static final Logger LOG = Logger.getLogger(ResumingStages.class);

    private final HostShells shells;
    private final RetryPolicy policy;
    private final ResumeMetrics metrics;
    private final HostSettling settling;

    @Inject
    ResumingStages(HostShells shells, SshConfig config, MeterRegistry registry) {
        this(
                shells,
                new RetryPolicy(config.stageBudget(), config.initialRetryDelay(), config.maxRetryDelay()),
                registry);
    }

    /** @param policy the stage budget, and the backoff between resumptions; its maximum is also how often a busy host is looked at */
    public ResumingStages(HostShells shells, RetryPolicy policy, MeterRegistry registry) {
        this.shells = shells;
        this.policy = policy;
        this.metrics = new ResumeMetrics(registry);
        this.settling = new HostSettling(metrics, policy.maxDelay());
    }

    /**
     * Runs {@code body} with shells that open as {@link HostShells} does, again after each transient failure, within
     * the stage budget counted from now.
     *
     * @param stage a short name for logs and metrics ({@code hardening}, {@code stack})
     * @throws StageBudgetSpent when the budget is spent; anything permanent as the body threw it
     */
    public <T> T run(String stage, Droplet droplet, Function<HostShells, T> body) {
        StageRun run = new StageRun(
                stage,
                "droplet " + droplet.name(),
                policy.budget(),
                policy.start(System::nanoTime),
                new ReachedShells(shells));
        try {
            T result = runUntilDone(run, body);
            metrics.stageEnded(stage, "done", run.ran());
            if (run.resumptions > 0) {
                LOG.infof(
                        "the %s stage on %s is done after %s (resumptions: %d)",
                        stage, run.host, Minutes.of(run.ran()), run.resumptions);
            }
            return result;
        } catch (StageBudgetSpent spent) {
            metrics.stageEnded(stage, "budget-spent", run.ran());
            throw spent;
        } catch (RuntimeException permanent) {
            metrics.stageEnded(stage, "permanent", run.ran());
            throw permanent;
        }
    }

    private <T> T runUntilDone(StageRun run, Function<HostShells, T> body) {
        while (true) {
            try {
                return body.apply(run.shells);
            } catch (HostKeyMismatch | LoginRefused refused) {
                throw refused;
            } catch (RuntimeException failure) {
                if (Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
                String cause = causeToResume(run, failure);
                run.resumptions++;
                run.lastCause = failure;
                metrics.resumed(run.stage, cause);
                LOG.infof(
                        "the %s stage on %s will resume (%d, %s of %s left): %s",
                        run.stage,
                        run.host,
                        run.resumptions,
                        Minutes.of(run.budget.remaining()),
                        run.budgetTotal,
                        failure.getMessage());
                settling.settle(run);
            }
        }
    }

    /** Why the stage may resume after {@code failure}; throws {@code failure} when it cannot succeed. */
    private static String causeToResume(StageRun run, RuntimeException failure) {
        Optional<String> transientCause = TransientCause.of(failure, run.shells.reached());
        if (transientCause.isPresent()) {
            return transientCause.get();
        }
        if (!run.shells.reached()) {
            throw failure;
        }
        // Permanent on a quiet host; on a host still busy with its packages it may be their doing.
        HostActivity.Look look;
        try (HostShell shell = run.shells.reopen()) {
            look = HostActivity.look(shell);
        } catch (RuntimeException lookFailed) {
            failure.addSuppressed(lookFailed);
            throw failure;
        }
        if (look.quiet()) {
            throw failure;
        }
        run.lastSeen = look.describe();
        return "host-not-quiet";
    }
}
