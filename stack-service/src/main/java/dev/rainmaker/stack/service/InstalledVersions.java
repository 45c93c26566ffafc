package dev.rainmaker.stack.service;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;

/** Reads the installed version of each component's package from the host's package database. */
final class InstalledVersions {

    private InstalledVersions() {}

    static Map<String, String> read(HostShell shell, StackRecipe recipe) {
        Map<String, String> versions = new LinkedHashMap<>();
        recipe.componentPackages().forEach((component, pkg) -> {
            CommandOutput output = shell.run(recipe.versionCommand(pkg));
            String version = output.stdout().strip();
            if (!output.succeeded() || version.isEmpty()) {
                throw new PermanentFailure("cannot read the installed version of " + pkg + " on " + shell.host() + ": "
                        + output.describe());
            }
            versions.put(component, version);
        });
        return versions;
    }
}
