package dev.rainmaker.stack.service;

import java.util.List;

import dev.rainmaker.stack.domain.StackSite;

/**
 * A recipe written out as the POSIX shell script it amounts to, for review and for {@code shellcheck}: each step's
 * check, and its changes when the check fails. (The service itself judges a check by its output too, which a script
 * cannot show; the commands are the same.)
 */
public final class RecipeScript {

    private RecipeScript() {}

    public static String render(StackRecipe recipe, StackSite site) {
        StringBuilder script = new StringBuilder()
                .append("#!/bin/sh\n")
                .append("# Rainmaker's stack recipe for ")
                .append(recipe.family())
                .append(", customer ")
                .append(site.customerId())
                .append(".\n")
                // File contents, PHP and SQL travel single-quoted precisely so that nothing in them expands.
                .append("# shellcheck disable=SC2016\n")
                .append("set -eu\n");
        for (HostStep step : recipe.steps(site)) {
            script.append("\n# ").append(step.name().replace('\n', ' ')).append('\n');
            List<String> changes = step.apply();
            if (changes.isEmpty()) {
                script.append(step.check()).append('\n');
                continue;
            }
            script.append("if ! ").append(step.check()).append(" >/dev/null 2>&1; then\n");
            changes.forEach(change -> script.append("    ").append(change).append('\n'));
            script.append("fi\n");
        }
        return script.toString();
    }
}
