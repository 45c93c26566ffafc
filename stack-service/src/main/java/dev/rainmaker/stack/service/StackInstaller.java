package dev.rainmaker.stack.service;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.HostShells;
import dev.rainmaker.hostaccess.HostsAtOnce;
import dev.rainmaker.hostaccess.resume.ResumingStages;
import dev.rainmaker.stack.config.StackConfig;
import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.domain.StackSite;
import org.jboss.logging.Logger;

/**
 * Builds the stack on a hardened host and reports what is installed. Safe to run again for the same host: every step
 * checks before it changes, so a second run changes nothing and reports the same; and so the stage resumes
 * ({@link ResumingStages}) after a command that outlived its timeout or a lost session, within
 * {@code rainmaker.ssh.stage-budget}.
 */
@ApplicationScoped
public class StackInstaller {

    private static final Logger LOG = Logger.getLogger(StackInstaller.class);
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final ResumingStages stages;
    private final StepRunner runner;
    private final OutsideCheck outsideCheck;
    private final StackPlans plans;
    private final int appPort;
    private final HostsAtOnce hostsAtOnce;

    public StackInstaller(
            ResumingStages stages,
            StepRunner runner,
            OutsideCheck outsideCheck,
            StackPlans plans,
            StackConfig config,
            HostsAtOnce hostsAtOnce) {
        this.stages = stages;
        this.runner = runner;
        this.outsideCheck = outsideCheck;
        this.plans = plans;
        this.appPort = config.appPort();
        this.hostsAtOnce = hostsAtOnce;
    }

    public StackInstalled install(HostHardened event) {
        if (event == null || event.signup() == null) {
            throw new PermanentFailure("the HostHardened event has no signup, so no customer to install for");
        }
        CustomerDatabase database = CustomerDatabase.forCustomer(event.customerId());
        Droplet droplet = validated(event.droplet());
        StackRecipe recipe = StackRecipes.forImage(
                droplet.image(), plans.forPlan(event.signup().plan()));
        StackSite site = new StackSite(event.customerId(), database, droplet.publicIpv4());
        return hostsAtOnce.call(
                () -> stages.run("stack", droplet, shells -> install(event, droplet, recipe, site, shells)));
    }

    private StackInstalled install(
            HostHardened event, Droplet droplet, StackRecipe recipe, StackSite site, HostShells shells) {
        try (HostShell shell = shells.open(droplet)) {
            recipe.steps(site).forEach(step -> runner.run(shell, step));
            Map<String, String> versions = InstalledVersions.read(shell, recipe);
            URI appUrl = appUrl(droplet);
            outsideCheck.verify(shell.host(), droplet.publicIpv4(), appUrl);
            LOG.infof("%s: stack installed for customer %s: %s", shell.host(), event.customerId(), versions);
            return new StackInstalled(event.signup(), droplet, versions, appUrl.toString());
        }
    }

    private URI appUrl(Droplet droplet) {
        return URI.create("http://" + droplet.publicIpv4() + (appPort == 80 ? "" : ":" + appPort) + "/");
    }

    private static Droplet validated(Droplet droplet) {
        if (droplet == null) {
            throw new PermanentFailure("the HostHardened event has no droplet");
        }
        if (droplet.publicIpv4() == null || !IPV4.matcher(droplet.publicIpv4()).matches()) {
            throw new PermanentFailure(
                    "droplet " + droplet.name() + " has no valid public IPv4 address: '" + droplet.publicIpv4() + "'");
        }
        if (droplet.hostKeyFingerprint() == null
                || !droplet.hostKeyFingerprint().startsWith("SHA256:")) {
            throw new PermanentFailure("droplet " + droplet.name()
                    + " has no pinned host key fingerprint (SHA256:...): refusing to connect unpinned");
        }
        return droplet;
    }
}
