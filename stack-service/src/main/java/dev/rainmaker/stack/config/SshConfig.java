package dev.rainmaker.stack.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stack-service reaches a droplet over SSH: as root, with the provisioning key, to the pinned host key. */
@ConfigMapping(prefix = "rainmaker.ssh")
public interface SshConfig {

    /** TCP port of the hosts' sshd. */
    @WithDefault("22")
    int port();

    /** The provisioning private key, OpenSSH or PEM format. Its content is never logged. */
    Path privateKeyFile();

    /** How long to keep retrying a host that refuses or drops the connection (still booting) before giving up. */
    @WithDefault("PT3M")
    Duration connectBudget();

    /** How long one command may run (a package install on a slow mirror takes minutes). */
    @WithDefault("PT10M")
    Duration commandTimeout();

    /** Hosts this instance works on at once; more wait their turn (see HostsAtOnce). */
    @WithDefault("100")
    int maxHostsAtOnce();
}
