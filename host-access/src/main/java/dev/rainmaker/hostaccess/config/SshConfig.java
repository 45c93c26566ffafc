package dev.rainmaker.hostaccess.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a stage reaches its hosts over SSH, one meaning for every service that uses host-access. A login is retried
 * only while the host fails as a booting host does (connection refused, reset or closed, no route, a connect, key
 * exchange or authentication timeout); a host key mismatch or a refused login ends it at once.
 *
 * <ul>
 *   <li>{@code rainmaker.ssh.port} (22): TCP port of the hosts' sshd.
 *   <li>{@code rainmaker.ssh.private-key-file} (required): the provisioning private key, unencrypted OpenSSH or PEM.
 *       Read, never logged.
 *   <li>{@code rainmaker.ssh.connect-budget} (PT5M): how long to keep trying to log in to a host that does not answer
 *       yet, from the first attempt; then the login fails with {@code HostUnreachable}.
 *   <li>{@code rainmaker.ssh.initial-retry-delay} (PT0.5S): the first wait between attempts; each wait is drawn at
 *       random between half of its ceiling and the ceiling, which doubles after each attempt up to
 *       {@code max-retry-delay}.
 *   <li>{@code rainmaker.ssh.max-retry-delay} (PT15S): the highest ceiling of a wait between attempts (of a login, and
 *       of a stage that resumes), and how often a stage looks again at a host that is busy with its packages.
 *   <li>{@code rainmaker.ssh.connect-timeout} (PT30S): one attempt's TCP connect, and then its key exchange and
 *       authentication, each at most this long.
 *   <li>{@code rainmaker.ssh.command-timeout} (PT10M): how long one command may run on a host (package installs
 *       included); then {@code CommandTimedOut}.
 *   <li>{@code rainmaker.ssh.stage-budget} (PT30M): how long a stage on one host ({@code ResumingStages}) may take in
 *       all, resumptions and waits for a busy host included, from its first login. A command that outlives
 *       {@code command-timeout}, a session that breaks or a host that stops answering mid-stage is not a failure within
 *       it: the stage looks at the host, waits while apt/dpkg (or dnf/rpm) still run, repairs an interrupted dpkg, and
 *       runs again. Once it is spent: {@code StageBudgetSpent}. Keep it under the channel's
 *       {@code throttled.unprocessed-record-max-age.ms}.
 *   <li>{@code rainmaker.ssh.max-hosts-at-once} (100): hosts one service instance works on at once; the others wait
 *       their turn ({@code HostsAtOnce}).
 * </ul>
 */
@ConfigMapping(prefix = "rainmaker.ssh")
public interface SshConfig {

    @WithDefault("22")
    int port();

    Path privateKeyFile();

    @WithDefault("PT5M")
    Duration connectBudget();

    @WithDefault("PT0.5S")
    Duration initialRetryDelay();

    @WithDefault("PT15S")
    Duration maxRetryDelay();

    @WithDefault("PT30S")
    Duration connectTimeout();

    @WithDefault("PT10M")
    Duration commandTimeout();

    @WithDefault("PT30M")
    Duration stageBudget();

    @WithDefault("100")
    int maxHostsAtOnce();
}
