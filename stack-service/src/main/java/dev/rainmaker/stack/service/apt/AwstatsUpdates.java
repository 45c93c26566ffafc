package dev.rainmaker.stack.service.apt;

import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** AWStats reads the site's configuration and log and updates its statistics. A verification. */
public record AwstatsUpdates(String script, String config) implements HostStep {

    private static final Pattern CONFIG_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public AwstatsUpdates {
        if (!script.startsWith("/") || !CONFIG_NAME.matcher(config).matches()) {
            throw new IllegalArgumentException(
                    "bad AWStats update step: script " + script + ", configuration name '" + config + "'");
        }
    }

    @Override
    public String name() {
        return "AWStats updates the statistics of " + config + " from nginx's log";
    }

    @Override
    public String check() {
        return script + " -config=" + config + " -update";
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded() && output.stdout().contains("Create/Update database for config");
    }

    @Override
    public List<String> apply() {
        return List.of();
    }
}
