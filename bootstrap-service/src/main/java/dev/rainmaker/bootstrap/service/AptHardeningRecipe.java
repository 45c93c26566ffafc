package dev.rainmaker.bootstrap.service;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.SignupReceived;

/** What hardening a Debian/Ubuntu host means for one sign-up, in the order it is done. */
@ApplicationScoped
public class AptHardeningRecipe implements HardeningRecipe {

    @Override
    public List<HostStep> steps(SignupReceived signup, Droplet droplet, HostFacts facts) {
        List<HostStep> steps = new ArrayList<>();
        steps.add(LinuxSteps.timezone(SignupValues.timezone(signup.timezone())));
        for (AdminUser admin : signup.adminUsers()) {
            String user = SignupValues.username(admin.username());
            String key = SignupValues.publicKey(user, admin.publicKey());
            steps.add(LinuxSteps.adminUser(user));
            steps.add(LinuxSteps.groupMember(user, "sudo"));
            steps.add(LinuxSteps.sudoWithoutPassword(user));
            steps.add(LinuxSteps.authorizedKey(user, key));
        }
        steps.add(LinuxSteps.sshd(sshUnit()));
        steps.add(AptHardeningSteps.firewallPackage());
        steps.add(AptHardeningSteps.firewall());
        steps.add(AptHardeningSteps.fail2ban());
        steps.add(AptHardeningSteps.securityUpdates());
        steps.addAll(SwapSteps.forHost(SwapSize.forDropletSize(droplet.size()), facts));
        return List.copyOf(steps);
    }

    @Override
    public String sshUnit() {
        return "ssh";
    }
}
