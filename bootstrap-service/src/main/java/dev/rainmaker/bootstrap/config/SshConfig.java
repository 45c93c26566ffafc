package dev.rainmaker.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How bootstrap-service reaches hosts over SSH. The private key file is read, never logged. */
@ConfigMapping(prefix = "rainmaker.ssh")
public interface SshConfig {

    @WithDefault("22")
    int port();

    /** The provisioning private key (OpenSSH or PEM format). */
    Path privateKeyFile();

    /** How long to keep retrying while a host refuses connections or times out (it may still be booting). */
    @WithDefault("PT5M")
    Duration connectBudget();

    /** The first wait between connection attempts; it doubles, with jitter, up to {@link #maxRetryDelay()}. */
    @WithDefault("PT0.5S")
    Duration initialRetryDelay();

    @WithDefault("PT15S")
    Duration maxRetryDelay();

    /** One connection attempt, including key exchange and authentication. */
    @WithDefault("PT15S")
    Duration connectTimeout();

    /** One command on the host (package installs included). */
    @WithDefault("PT10M")
    Duration commandTimeout();

    /** Hosts this instance works on at once; more wait their turn (see HostsAtOnce). */
    @WithDefault("100")
    int maxHostsAtOnce();
}
