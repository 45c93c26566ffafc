package dev.rainmaker.localcloud.hosts;

/** What a host is booted from: the droplet's id and name and the {@code user_data} given at create (may be null). */
public record HostSpec(long dropletId, String name, String userData) {}
