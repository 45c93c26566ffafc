package dev.rainmaker.bootstrap.service;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.SignupReceived;

/**
 * What hardening a Rocky Linux / AlmaLinux / CentOS Stream 9 host means for one sign-up, in the order it is done: the
 * apt family's rules with RHEL's names (wheel, firewalld, dnf-automatic, fail2ban from EPEL). Rendered and checked
 * with shellcheck in tests; not yet run on a real host of the family.
 */
@ApplicationScoped
public class DnfHardeningRecipe implements HardeningRecipe {

    @Override
    public List<HostStep> steps(SignupReceived signup, Droplet droplet, HostFacts facts) {
        List<HostStep> steps = new ArrayList<>();
        steps.add(LinuxSteps.timezone(SignupValues.timezone(signup.timezone())));
        for (AdminUser admin : signup.adminUsers()) {
            String user = SignupValues.username(admin.username());
            String key = SignupValues.publicKey(user, admin.publicKey());
            steps.add(LinuxSteps.adminUser(user));
            steps.add(LinuxSteps.groupMember(user, "wheel"));
            steps.add(LinuxSteps.sudoWithoutPassword(user));
            steps.add(DnfHardeningSteps.authorizedKey(user, key));
        }
        steps.add(LinuxSteps.sshd(sshUnit()));
        steps.add(DnfHardeningSteps.firewall());
        steps.add(DnfHardeningSteps.fail2ban());
        steps.add(DnfHardeningSteps.securityUpdates());
        steps.addAll(SwapSteps.forHost(SwapSize.forDropletSize(droplet.size()), facts));
        return List.copyOf(steps);
    }

    @Override
    public String sshUnit() {
        return "sshd";
    }
}
