package dev.rainmaker.droplet.service.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.Catalogue;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * At start-up, checks every configured plan against DigitalOcean's catalogue and logs what is wrong. It never stops
 * the service: DigitalOcean may be unreachable at boot, and sign-ups for the plans that are fine should still flow.
 */
@ApplicationScoped
class PlanStartupCheck {

    private static final Logger LOG = Logger.getLogger(PlanStartupCheck.class);

    private final DropletConfig config;
    private final CatalogueCache catalogue;

    PlanStartupCheck(DropletConfig config, CatalogueCache catalogue) {
        this.config = config;
        this.catalogue = catalogue;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.plans().isEmpty()) {
            LOG.error("No plans configured (rainmaker.droplet.plans.<plan>.size/image/region): every sign-up will"
                    + " be dead-lettered");
            return;
        }
        Thread.ofVirtual().name("plan-startup-check").start(this::checkPlans);
    }

    void checkPlans() {
        Catalogue current;
        try {
            current = catalogue.current();
        } catch (RuntimeException e) {
            LOG.warnf("Plans not checked at start-up, DigitalOcean's catalogue is unavailable: %s", e.getMessage());
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, DropletConfig.Plan> plan : config.plans().entrySet()) {
            DropletConfig.Plan p = plan.getValue();
            problems.addAll(PlanCheck.problems(plan.getKey(), p.size(), p.image(), p.region(), current));
        }
        if (problems.isEmpty()) {
            LOG.infof("Plans %s match DigitalOcean's catalogue", config.plans().keySet());
        } else {
            problems.forEach(
                    problem -> LOG.errorf("Plan configuration does not match DigitalOcean's catalogue: %s", problem));
        }
    }
}
