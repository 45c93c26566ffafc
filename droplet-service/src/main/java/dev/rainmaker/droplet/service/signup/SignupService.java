package dev.rainmaker.droplet.service.signup;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.Messages;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.signup.SignupProblem;
import dev.rainmaker.events.signup.SignupRules;

/** Turns a valid sign-up into the droplet its plan buys, checked against DigitalOcean's live catalogue. */
@ApplicationScoped
public class SignupService {

    private final DropletConfig config;
    private final CatalogueCache catalogue;
    private final SignupRules rules;

    SignupService(DropletConfig config, CatalogueCache catalogue) {
        this.config = config;
        this.catalogue = catalogue;
        this.rules = new SignupRules(config.plans().keySet());
    }

    public DropletRequested requestDroplet(SignupReceived signup) {
        List<SignupProblem> invalid = rules.problems(signup);
        if (!invalid.isEmpty()) {
            throw new PermanentFailure("sign-up of customer '" + Messages.shorten(signup.customerId())
                    + "' is invalid: "
                    + String.join(
                            "; ", invalid.stream().map(SignupProblem::message).toList()));
        }
        DropletConfig.Plan plan = config.plans().get(signup.plan());
        List<String> problems =
                PlanCheck.problems(signup.plan(), plan.size(), plan.image(), plan.region(), catalogue.current());
        if (!problems.isEmpty()) {
            throw new PermanentFailure("customer '" + signup.customerId() + "' cannot get a droplet: "
                    + String.join("; ", problems) + " (fix rainmaker.droplet.plans." + signup.plan() + ")");
        }
        return new DropletRequested(
                signup,
                new DropletSpec(
                        DropletNames.dropletName(signup.customerId()), plan.size(), plan.image(), plan.region()));
    }
}
