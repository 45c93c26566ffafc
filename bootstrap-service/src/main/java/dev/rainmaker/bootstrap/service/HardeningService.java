package dev.rainmaker.bootstrap.service;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.bootstrap.domain.StepOutcome;
import dev.rainmaker.events.DropletActive;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * Hardens a customer's new host: the recipe of its image's family, run after cloud-init finished and once the host said
 * what it is; returns the steps done.
 */
@ApplicationScoped
public class HardeningService {

    private static final Logger LOG = Logger.getLogger(HardeningService.class);

    private final HostSessions sessions;
    private final HardeningRecipes recipes;
    private final CloudInitWait cloudInit;
    private final HostFactsProbe facts;
    private final StepRunner runner;
    private final MeterRegistry metrics;

    public HardeningService(
            HostSessions sessions,
            HardeningRecipes recipes,
            CloudInitWait cloudInit,
            HostFactsProbe facts,
            StepRunner runner,
            MeterRegistry metrics) {
        this.sessions = sessions;
        this.recipes = recipes;
        this.cloudInit = cloudInit;
        this.facts = facts;
        this.runner = runner;
        this.metrics = metrics;
    }

    public List<String> harden(DropletActive event) {
        HardeningRecipe recipe = recipes.forImage(event.droplet().image());
        SignupValues.validate(event.signup());
        SwapSize.forDropletSize(event.droplet().size());
        List<String> done = new ArrayList<>();
        try (HostSession host = sessions.open(event.droplet())) {
            cloudInit.awaitDone(host);
            List<HostStep> steps = recipe.steps(event.signup(), event.droplet(), facts.read(host));
            for (HostStep step : steps) {
                StepOutcome outcome = runner.run(host, step);
                metrics.counter(
                                "rainmaker.bootstrap.steps",
                                "outcome",
                                outcome.name().toLowerCase())
                        .increment();
                LOG.debugf(
                        "customer %s, droplet %d: step '%s' %s",
                        event.customerId(), event.droplet().id(), step.name(), outcome);
                done.add(step.name());
            }
        }
        LOG.infof(
                "customer %s, droplet %d hardened: %s",
                event.customerId(), event.droplet().id(), done);
        return done;
    }
}
