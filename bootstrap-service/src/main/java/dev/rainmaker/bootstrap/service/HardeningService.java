package dev.rainmaker.bootstrap.service;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.bootstrap.domain.StepOutcome;
import dev.rainmaker.events.DropletActive;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/** Hardens a customer's new host: waits for cloud-init, then runs each step of the recipe; returns the steps done. */
@ApplicationScoped
public class HardeningService {

    private static final Logger LOG = Logger.getLogger(HardeningService.class);

    private final HostSessions sessions;
    private final AptHardeningRecipe recipe;
    private final CloudInitWait cloudInit;
    private final StepRunner runner;
    private final MeterRegistry metrics;

    public HardeningService(
            HostSessions sessions,
            AptHardeningRecipe recipe,
            CloudInitWait cloudInit,
            StepRunner runner,
            MeterRegistry metrics) {
        this.sessions = sessions;
        this.recipe = recipe;
        this.cloudInit = cloudInit;
        this.runner = runner;
        this.metrics = metrics;
    }

    public List<String> harden(DropletActive event) {
        List<HostStep> steps = recipe.steps(event.signup());
        List<String> done = new ArrayList<>();
        try (HostSession host = sessions.open(event.droplet())) {
            cloudInit.awaitDone(host);
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
