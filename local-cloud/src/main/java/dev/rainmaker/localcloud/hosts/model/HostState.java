package dev.rainmaker.localcloud.hosts.model;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Directories that exist: absolute paths. */
    public final Set<String> directories = ConcurrentHashMap.newKeySet();

    /** Owner, group and mode of files and directories; a path without an entry is {@code root:root}, mode 644. */
    public final Map<String, FileAttributes> attributes = new ConcurrentHashMap<>();

    /** Commands still running on the host (started over SSH, not finished yet): process id to process. */
    public final Map<Integer, HostProcess> processes = new ConcurrentHashMap<>();

    private final AtomicInteger nextPid = new AtomicInteger(4000);

    /** Anything else a model needs to remember (timezone, firewall rules, databases, ...): key to value. */
    public final Map<String, String> settings = new ConcurrentHashMap<>();

    /** Registers {@code command} as running on the host until {@link #endProcess}. */
    public HostProcess startProcess(String command) {
        HostProcess process = HostProcess.of(nextPid.getAndIncrement(), command);
        processes.put(process.pid(), process);
        return process;
    }

    public void endProcess(HostProcess process) {
        processes.remove(process.pid());
    }

    public FileAttributes attributesOf(String path) {
        return attributes.getOrDefault(
                path, new FileAttributes("root", "root", directories.contains(path) ? "755" : "644"));
    }
}
