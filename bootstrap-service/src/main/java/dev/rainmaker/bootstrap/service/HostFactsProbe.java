package dev.rainmaker.bootstrap.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;

/** Asks the host what it is before the recipe is chosen for it. */
@ApplicationScoped
public class HostFactsProbe {

    static final String CONTAINER = "systemd-detect-virt --container";

    /** {@code systemd-detect-virt --container} prints the technology and exits 0 in a container, else none and 1. */
    public HostFacts read(HostShell host) {
        CommandOutput output = host.run(CONTAINER);
        String name = output.stdout().strip();
        if (output.succeeded() && name.matches("[a-z0-9-]+") && !name.equals(HostFacts.NO_CONTAINER)) {
            return new HostFacts(name);
        }
        if (output.exitStatus() == 1 && name.equals(HostFacts.NO_CONTAINER)) {
            return new HostFacts(HostFacts.NO_CONTAINER);
        }
        throw new HardeningFailure(
                "could not tell whether the host is a container: " + CONTAINER + " ended with " + output.describe());
    }
}
