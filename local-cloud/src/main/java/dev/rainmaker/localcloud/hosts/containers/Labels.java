package dev.rainmaker.localcloud.hosts.containers;

import java.util.Map;

import dev.rainmaker.localcloud.hosts.real.RunOwner;

/**
 * The labels on what container hosts make in the container engine, which is the machine's and shared with other runs
 * and other people: only what carries {@link #OWNER} is Rainmaker's, and only when that owner is gone is it a
 * leftover.
 */
final class Labels {

    static final String OWNER = "dev.rainmaker.localcloud.hosts.owner";
    static final String DROPLET = "dev.rainmaker.localcloud.hosts.droplet";

    private Labels() {}

    static Map<String, String> ownedBy(RunOwner owner) {
        return Map.of(OWNER, owner.text());
    }
}
