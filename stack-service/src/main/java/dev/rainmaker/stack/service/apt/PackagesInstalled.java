package dev.rainmaker.stack.service.apt;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.rainmaker.hostaccess.AptLock;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/**
 * Debian packages are installed, in one apt run. A fresh image has no package lists, so they are fetched first, and
 * debconf is told nobody is there to answer its questions; apt waits for dpkg's lock rather than failing at once.
 */
public record PackagesInstalled(List<String> packages) implements HostStep {

    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9.+-]+");

    public PackagesInstalled {
        packages = List.copyOf(packages);
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("no packages to install");
        }
        packages.stream()
                .filter(pkg -> !PACKAGE_NAME.matcher(pkg).matches())
                .findFirst()
                .ifPresent(pkg -> {
                    throw new IllegalArgumentException("'" + pkg + "' is not a Debian package name");
                });
    }

    @Override
    public String name() {
        return "packages installed: " + String.join(" ", packages);
    }

    @Override
    public String check() {
        return "dpkg-query -W -f='${Package} ${db:Status-Abbrev}\\n' " + String.join(" ", packages);
    }

    /** Each package on a line of its own marked {@code ii}: wanted install, installed. */
    @Override
    public boolean satisfiedBy(CommandOutput output) {
        if (!output.succeeded()) {
            return false;
        }
        Set<String> installed = output.stdout()
                .lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length == 2 && columns[1].equals("ii"))
                .map(columns -> columns[0])
                .collect(Collectors.toSet());
        return installed.containsAll(packages);
    }

    @Override
    public List<String> apply() {
        return List.of(
                "apt-get update -q",
                "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends " + AptLock.WAIT + " "
                        + String.join(" ", packages));
    }
}
