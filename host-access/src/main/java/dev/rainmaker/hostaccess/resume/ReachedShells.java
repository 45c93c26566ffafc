package dev.rainmaker.hostaccess.resume;

import java.util.function.Supplier;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.hostaccess.FirstLoginShell;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.HostShells;

/**
 * The shells a stage opens, as it opens them, remembering whether it reached the host and how: a host that stops
 * answering after it was reached is a host mid-stage (rebooting, overloaded), and looking at it goes through the same
 * door the stage last used (its pinned key, or boot-or-final key before the key rotation).
 */
final class ReachedShells implements HostShells {

    private final HostShells shells;
    private volatile Supplier<HostShell> lastDoor;

    ReachedShells(HostShells shells) {
        this.shells = shells;
    }

    @Override
    public HostShell open(Droplet droplet) {
        HostShell shell = shells.open(droplet);
        lastDoor = () -> shells.open(droplet);
        return shell;
    }

    @Override
    public FirstLoginShell openFirstLogin(Droplet droplet, String finalKeyFingerprint) {
        FirstLoginShell shell = shells.openFirstLogin(droplet, finalKeyFingerprint);
        lastDoor = () -> shells.openFirstLogin(droplet, finalKeyFingerprint);
        return shell;
    }

    boolean reached() {
        return lastDoor != null;
    }

    /** A new shell on the host, opened as the stage last opened one. */
    HostShell reopen() {
        return lastDoor.get();
    }
}
