package dev.rainmaker.bootstrap.service;

import dev.rainmaker.events.Droplet;

/** Opens sessions on droplets, trusting only each droplet's pinned host key. */
public interface HostSessions {

    /** Trusts only {@code droplet.hostKeyFingerprint()}. */
    HostSession open(Droplet droplet);

    /** Trusts the droplet's boot key ({@code droplet.hostKeyFingerprint()}) or its final key, and nothing else. */
    FirstLoginSession openAcceptingFinalKey(Droplet droplet, String finalKeyFingerprint);
}
