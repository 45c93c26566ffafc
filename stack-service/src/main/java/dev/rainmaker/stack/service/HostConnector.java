package dev.rainmaker.stack.service;

import dev.rainmaker.events.Droplet;

/** Opens a root shell on a droplet, trusting only the droplet's pinned host key. */
public interface HostConnector {

    HostShell connect(Droplet droplet);
}
