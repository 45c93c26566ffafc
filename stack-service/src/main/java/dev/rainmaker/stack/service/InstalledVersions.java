package dev.rainmaker.stack.service;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rainmaker.stack.domain.CommandOutput;

import static dev.rainmaker.stack.service.ShellQuote.quote;

/** Reads the installed version of each component's package from dpkg's database on the host. */
final class InstalledVersions {

    private InstalledVersions() {}

    static Map<String, String> read(HostShell shell, Map<String, String> componentPackages) {
        Map<String, String> versions = new LinkedHashMap<>();
        componentPackages.forEach((component, pkg) -> {
            CommandOutput output = shell.run("dpkg-query -W -f=" + quote("${Version}") + " " + pkg);
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
