package dev.rainmaker.localcloud.hosts.model;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one simulated Debian 12 host that commands read and change. Plain and thread-safe; each
 * {@link CommandModel} gives the meaning of its commands over it.
 */
public final class HostState {

    /** Installed packages: name to version. */
    public final Map<String, String> packages = new ConcurrentHashMap<>();

    /** Services currently running. */
    public final Set<String> activeServices = ConcurrentHashMap.newKeySet();

    /** Services enabled at boot. */
    public final Set<String> enabledServices = ConcurrentHashMap.newKeySet();

    /** Local users: name to the groups they belong to. */
    public final Map<String, Set<String>> users = new ConcurrentHashMap<>();

    /** Files: absolute path to content. */
    public final Map<String, String> files = new ConcurrentHashMap<>();

    /** Anything else a model needs to remember (timezone, firewall rules, databases, ...): key to value. */
    public final Map<String, String> settings = new ConcurrentHashMap<>();
}
