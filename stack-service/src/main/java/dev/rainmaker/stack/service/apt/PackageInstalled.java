package dev.rainmaker.stack.service.apt;

import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.stack.service.HostStep;

/** A Debian package is installed. */
public record PackageInstalled(String pkg) implements HostStep {

    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9.+-]+");

    public PackageInstalled {
        if (!PACKAGE_NAME.matcher(pkg).matches()) {
            throw new IllegalArgumentException("'" + pkg + "' is not a Debian package name");
        }
    }

    @Override
    public String name() {
        return "package " + pkg + " installed";
    }

    @Override
    public String check() {
        return "dpkg -s " + pkg;
    }

    @Override
    public List<String> apply() {
        return List.of("apt-get install -y --no-install-recommends " + pkg);
    }
}
