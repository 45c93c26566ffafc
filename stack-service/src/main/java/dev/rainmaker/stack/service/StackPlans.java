package dev.rainmaker.stack.service;

import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.stack.config.StackConfig;
import dev.rainmaker.stack.domain.StackOptions;

/** The stack options of a customer's plan, from configuration. */
@ApplicationScoped
public class StackPlans {

    private final Map<String, StackConfig.PlanOptions> plans;

    public StackPlans(StackConfig config) {
        this.plans = config.plans();
    }

    public StackOptions forPlan(String plan) {
        StackConfig.PlanOptions options = plan == null ? null : plans.get(plan);
        return options == null
                ? StackOptions.defaults(plan)
                : new StackOptions(plan, options.awstats(), options.database());
    }
}
