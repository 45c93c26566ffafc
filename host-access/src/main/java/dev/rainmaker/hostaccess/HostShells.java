package dev.rainmaker.hostaccess;

import dev.rainmaker.events.Droplet;

/**
 * Opens root shells on droplets with the provisioning key, trusting only each droplet's pinned host key. A host that
 * does not answer yet (still booting) is tried again within the connect budget.
 *
 * @throws HostKeyMismatch when the host presents another key than the pinned one(s)
 * @throws LoginRefused when the host refuses root login with the provisioning key
 * @throws HostUnreachable when the host did not let us log in within the connect budget
 */
public interface HostShells {

    /** Trusts only {@code droplet.hostKeyFingerprint()}. */
    HostShell open(Droplet droplet);

    /**
     * Trusts the droplet's boot key ({@code droplet.hostKeyFingerprint()}, pinned at create) or its final key (see
     * {@link FinalHostKeys}), and nothing else.
     */
    FirstLoginShell openFirstLogin(Droplet droplet, String finalKeyFingerprint);
}
