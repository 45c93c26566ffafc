package dev.rainmaker.stack.service.dnf;

import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** An SELinux boolean is on, now and after reboots (e.g. PHP-FPM may connect to memcached). */
public record SelinuxBooleanOn(String bool) implements HostStep {

    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    public SelinuxBooleanOn {
        if (!NAME.matcher(bool).matches()) {
            throw new IllegalArgumentException("'" + bool + "' is not an SELinux boolean");
        }
    }

    @Override
    public String name() {
        return "SELinux boolean " + bool + " on";
    }

    @Override
    public String check() {
        return "getsebool " + bool;
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded() && output.stdout().strip().endsWith("--> on");
    }

    @Override
    public List<String> apply() {
        return List.of("setsebool -P " + bool + " on");
    }
}
