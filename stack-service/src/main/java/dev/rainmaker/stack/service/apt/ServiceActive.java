package dev.rainmaker.stack.service.apt;

import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.stack.service.HostStep;

/** A systemd service runs now and starts at boot. */
public record ServiceActive(String unit) implements HostStep {

    private static final Pattern UNIT_NAME = Pattern.compile("[a-z0-9][a-z0-9.@-]+");

    public ServiceActive {
        if (!UNIT_NAME.matcher(unit).matches()) {
            throw new IllegalArgumentException("'" + unit + "' is not a systemd unit name");
        }
    }

    @Override
    public String name() {
        return "service " + unit + " active";
    }

    @Override
    public String check() {
        return "systemctl is-active " + unit;
    }

    @Override
    public List<String> apply() {
        return List.of("systemctl enable --now " + unit);
    }
}
