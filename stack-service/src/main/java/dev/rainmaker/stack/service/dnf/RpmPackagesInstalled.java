package dev.rainmaker.stack.service.dnf;

import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.stack.service.HostStep;

/** RPM packages are installed, in one dnf run; {@code rpm -q} fails when any of them is missing. */
public record RpmPackagesInstalled(String name, List<String> packages) implements HostStep {

    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._+-]+");

    public RpmPackagesInstalled {
        packages = List.copyOf(packages);
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("no packages to install");
        }
        packages.stream()
                .filter(pkg -> !PACKAGE_NAME.matcher(pkg).matches())
                .findFirst()
                .ifPresent(pkg -> {
                    throw new IllegalArgumentException("'" + pkg + "' is not an RPM package name");
                });
    }

    @Override
    public String check() {
        return "rpm -q " + String.join(" ", packages);
    }

    @Override
    public List<String> apply() {
        return List.of("dnf install -y -q " + String.join(" ", packages));
    }
}
