package dev.rainmaker.bootstrap.service;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.SignupReceived;

/** What hardening a Debian/Ubuntu host means for one sign-up, in the order it is done. */
@ApplicationScoped
public class AptHardeningRecipe {

    public List<HostStep> steps(SignupReceived signup) {
        List<HostStep> steps = new ArrayList<>();
        steps.add(AptHardeningSteps.timezone(SignupValues.timezone(signup.timezone())));
        for (AdminUser admin : signup.adminUsers()) {
            String user = SignupValues.username(admin.username());
            String key = SignupValues.publicKey(user, admin.publicKey());
            steps.add(AptHardeningSteps.adminUser(user));
            steps.add(AptHardeningSteps.sudoMember(user));
            steps.add(AptHardeningSteps.sudoWithoutPassword(user));
            steps.add(AptHardeningSteps.authorizedKey(user, key));
        }
        steps.add(AptHardeningSteps.sshd());
        steps.add(AptHardeningSteps.firewallPackage());
        steps.add(AptHardeningSteps.firewall());
        return List.copyOf(steps);
    }
}
