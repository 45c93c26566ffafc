package dev.rainmaker.bootstrap.service;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.bootstrap.domain.StepOutcome;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.hostaccess.FinalHostKey;
import dev.rainmaker.hostaccess.FinalHostKeys;
import dev.rainmaker.hostaccess.FirstLoginShell;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.HostShells;
import dev.rainmaker.hostaccess.HostsAtOnce;
import dev.rainmaker.hostaccess.resume.ResumingStages;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * Hardens a customer's new host: logs in trusting its boot key or its final key, waits for cloud-init, replaces the
 * boot key with the final one, then runs each step of its image family's recipe over a new session that trusts only
 * the final key. The droplet it announces carries the final key's fingerprint. A slow host is not a failed one: the
 * whole stage resumes ({@link ResumingStages}) after a command that outlived its timeout or a lost session, each step
 * checking before it changes, within {@code rainmaker.ssh.stage-budget}.
 */
@ApplicationScoped
public class HardeningService {

    private static final Logger LOG = Logger.getLogger(HardeningService.class);
    private static final String STAGE = "hardening";

    private final ResumingStages stages;
    private final HardeningRecipes recipes;
    private final CloudInitWait cloudInit;
    private final HostFactsProbe facts;
    private final FinalHostKeys finalHostKeys;
    private final HostKeyRotation hostKeyRotation;
    private final StepRunner runner;
    private final MeterRegistry metrics;
    private final HostsAtOnce hostsAtOnce;

    public HardeningService(
            ResumingStages stages,
            HardeningRecipes recipes,
            CloudInitWait cloudInit,
            HostFactsProbe facts,
            FinalHostKeys finalHostKeys,
            HostKeyRotation hostKeyRotation,
            StepRunner runner,
            MeterRegistry metrics,
            HostsAtOnce hostsAtOnce) {
        this.stages = stages;
        this.recipes = recipes;
        this.cloudInit = cloudInit;
        this.facts = facts;
        this.finalHostKeys = finalHostKeys;
        this.hostKeyRotation = hostKeyRotation;
        this.runner = runner;
        this.metrics = metrics;
        this.hostsAtOnce = hostsAtOnce;
    }

    public HostHardened harden(DropletActive event) {
        return hostsAtOnce.call(() -> hardenNow(event));
    }

    private HostHardened hardenNow(DropletActive event) {
        HardeningRecipe recipe = recipes.forImage(event.droplet().image());
        SignupValues.validate(event.signup());
        SwapSize.forDropletSize(event.droplet().size());
        Droplet droplet = event.droplet();
        FinalHostKey finalKey = finalHostKeys.forDroplet(droplet.id());
        return stages.run(STAGE, droplet, shells -> harden(event, recipe, finalKey, shells));
    }

    private HostHardened harden(DropletActive event, HardeningRecipe recipe, FinalHostKey finalKey, HostShells shells) {
        Droplet droplet = event.droplet();
        List<String> done = new ArrayList<>();
        try (FirstLoginShell host = shells.openFirstLogin(droplet, finalKey.fingerprint())) {
            cloudInit.awaitDone(host);
            recordDone(event, HostKeyRotation.STEP, hostKeyRotation.rotate(host, finalKey, recipe.sshUnit()), done);
        }
        Droplet rotated = withHostKey(droplet, finalKey.fingerprint());
        try (HostShell host = shells.open(rotated)) {
            List<HostStep> steps = recipe.steps(event.signup(), rotated, facts.read(host));
            for (HostStep step : steps) {
                recordDone(event, step.name(), runner.run(host, step), done);
            }
        }
        LOG.infof(
                "customer %s, droplet %d hardened, host key %s: %s",
                event.customerId(), droplet.id(), finalKey.fingerprint(), done);
        return new HostHardened(event.signup(), rotated, done);
    }

    private void recordDone(DropletActive event, String step, StepOutcome outcome, List<String> done) {
        metrics.counter("rainmaker.bootstrap.steps", "outcome", outcome.name().toLowerCase())
                .increment();
        LOG.debugf(
                "customer %s, droplet %d: step '%s' %s",
                event.customerId(), event.droplet().id(), step, outcome);
        done.add(step);
    }

    private static Droplet withHostKey(Droplet droplet, String fingerprint) {
        return new Droplet(
                droplet.id(),
                droplet.name(),
                droplet.publicIpv4(),
                droplet.region(),
                droplet.image(),
                droplet.size(),
                fingerprint);
    }
}
