package dev.rainmaker.bootstrap.service;

import dev.rainmaker.events.Droplet;

/** Opens sessions on droplets, trusting only each droplet's pinned host key. */
public interface HostSessions {

    HostSession open(Droplet droplet);
}
