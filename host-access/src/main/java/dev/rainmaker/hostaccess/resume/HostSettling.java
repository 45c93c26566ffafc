package dev.rainmaker.hostaccess.resume;

import java.time.Duration;
import java.util.Optional;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.Minutes;
import dev.rainmaker.hostaccess.StageBudgetSpent;
import org.jboss.logging.Logger;

/**
 * Before a stage resumes: wait (the stage's backoff), then look at the host until it is quiet. While package managers
 * run it waits, saying so once per wait and then once a minute ("apt-get still running on droplet rm-acme-42 after 12
 * min, waiting"); an interrupted dpkg is completed with {@code dpkg --configure -a}. A look that fails as a slow host
 * does is tried again after the next backoff wait.
 */
final class HostSettling {

    private static final Logger LOG = Logger.getLogger(HostSettling.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);

    private final ResumeMetrics metrics;
    private final Duration lookEvery;

    HostSettling(ResumeMetrics metrics, Duration lookEvery) {
        this.metrics = metrics;
        this.lookEvery = lookEvery;
    }

    void settle(StageRun run) {
        while (true) {
            Optional<Duration> backoff = run.budget.next();
            if (backoff.isEmpty()) {
                throw run.spent();
            }
            run.pause(backoff.get());
            try (HostShell shell = run.shells.reopen()) {
                untilQuiet(shell, run);
                return;
            } catch (StageBudgetSpent spent) {
                throw spent;
            } catch (RuntimeException lookFailed) {
                if (TransientCause.of(lookFailed, true).isEmpty()) {
                    throw lookFailed;
                }
                run.lastCause = lookFailed;
                LOG.debugf("looking at %s before resuming failed: %s", run.host, lookFailed.getMessage());
            }
        }
    }

    private void untilQuiet(HostShell shell, StageRun run) {
        Waiting waiting = null;
        try {
            while (true) {
                HostActivity.Look look = HostActivity.look(shell);
                run.lastSeen = look.describe();
                if (look.quiet()) {
                    if (waiting != null) {
                        LOG.infof(
                                "%s on %s ended after %s of the %s stage; resuming",
                                waiting.busy, run.host, Minutes.of(run.ran()), run.stage);
                    }
                    return;
                }
                if (!look.busy().isEmpty()) {
                    if (waiting == null) {
                        waiting = new Waiting(look.busy());
                        metrics.waitStarted(run.stage, look.activity());
                    }
                    waiting.progress(run);
                } else {
                    repair(shell, run);
                }
                run.pause(lookEvery);
            }
        } finally {
            if (waiting != null) {
                metrics.waitEnded(run.stage);
            }
        }
    }

    private void repair(HostShell shell, StageRun run) {
        LOG.infof("dpkg was interrupted on %s: completing it with dpkg --configure -a before resuming", run.host);
        CommandOutput repaired = shell.run(HostActivity.REPAIR);
        metrics.dpkgRepaired(run.stage);
        if (!repaired.succeeded()) {
            LOG.warnf("dpkg --configure -a on %s: %s; looking again", run.host, repaired.describe());
        }
    }

    /** One wait for a busy host: logged when it starts and then once a minute, not at every look. */
    private static final class Waiting {

        final String busy;
        private long loggedAt;

        Waiting(String busy) {
            this.busy = busy;
        }

        void progress(StageRun run) {
            long now = System.nanoTime();
            if (loggedAt == 0 || now - loggedAt >= PROGRESS_EVERY.toNanos()) {
                loggedAt = now;
                LOG.infof(
                        "%s still running on %s after %s, waiting (%s stage, %s of its budget left)",
                        busy, run.host, Minutes.of(run.ran()), run.stage, Minutes.of(run.budget.remaining()));
            }
        }
    }
}
