package dev.rainmaker.events;

/**
 * A customer's droplet once it is active: where to reach it, what it runs, and the fingerprint ({@code SHA256:...}, as
 * OpenSSH prints it) of the SSH host key Rainmaker generated for it, which every SSH connection must match.
 */
public record Droplet(
        long id, String name, String publicIpv4, String region, String image, String size, String hostKeyFingerprint) {}
