package dev.rainmaker.droplet.service.teardown;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.fleet.FleetWatcher;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * When a customer's provisioning failed for good in a stage that runs once the droplet may exist, destroys the droplet
 * (the one the failure names, and any droplet carrying the customer's name), so nothing is left billing. Safe to run
 * twice: a droplet already gone counts as destroyed. A failure before any droplet, or in the email after a working
 * server, leaves the droplet alone; {@code rainmaker.droplet.keep-failed-droplets=true} keeps every droplet. Each
 * teardown is counted in {@code rainmaker_compensations_total{outcome}}: {@code destroyed}, {@code none} (nothing to
 * destroy), {@code kept} or {@code failed} (a droplet left billing for nobody: the failure is dead-lettered).
 */
@ApplicationScoped
public class DropletCompensation {

    private static final Logger LOG = Logger.getLogger(DropletCompensation.class);
    private static final Set<ProvisioningStage> DROPLET_MAY_EXIST = EnumSet.of(
            ProvisioningStage.CREATING_DROPLET, ProvisioningStage.HARDENING_HOST, ProvisioningStage.INSTALLING_STACK);

    static final String METRIC = "rainmaker.compensations";

    private final FleetWatcher watcher;
    private final DropletDestroyer destroyer;
    private final MeterRegistry registry;

    DropletCompensation(FleetWatcher watcher, DropletDestroyer destroyer, MeterRegistry registry) {
        this.watcher = watcher;
        this.destroyer = destroyer;
        this.registry = registry;
    }

    /** The droplets destroyed; empty when there was nothing to destroy or droplets are kept. */
    public Set<Long> afterFailure(ProvisioningFailed failure) {
        try {
            return tearDown(failure);
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
    }

    private void count(String outcome) {
        Counter.builder(METRIC)
                .description("Teardowns of failed customers' droplets, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private Set<Long> tearDown(ProvisioningFailed failure) {
        String customer = failure.customerId();
        if (!DROPLET_MAY_EXIST.contains(failure.stage())) {
            count("none");
            return Set.of();
        }
        Set<Long> droplets = new TreeSet<>();
        if (failure.dropletId() != null) {
            droplets.add(failure.dropletId());
        }
        watcher.lookup(DropletNames.dropletName(customer)).ifPresent(found -> droplets.add(found.id()));
        if (!destroyer.destroysFailedDroplets()) {
            LOG.warnf(
                    "Customer %s failed while %s; droplet(s) %s kept (rainmaker.droplet.keep-failed-droplets=true)",
                    customer, failure.stage().words(), droplets);
            count("kept");
            return Set.of();
        }
        for (long droplet : droplets) {
            destroyer.destroy(
                    droplet,
                    "of customer " + customer + " after a failure while "
                            + failure.stage().words());
        }
        count(droplets.isEmpty() ? "none" : "destroyed");
        if (!droplets.isEmpty()) {
            LOG.warnf(
                    "Customer %s failed while %s: destroyed droplet(s) %s",
                    customer, failure.stage().words(), droplets);
        }
        return droplets;
    }
}
