package dev.rainmaker.hostaccess.ssh;

import java.time.Duration;

import dev.rainmaker.hostaccess.config.SshConfig;

/** What the SSH adapter needs of {@link SshConfig}, as a plain value tests can write down. */
public record SshSettings(int port, Duration connectTimeout, Duration commandTimeout, RetryPolicy retry) {

    public static SshSettings from(SshConfig config) {
        return new SshSettings(
                config.port(),
                config.connectTimeout(),
                config.commandTimeout(),
                new RetryPolicy(config.connectBudget(), config.initialRetryDelay(), config.maxRetryDelay()));
    }
}
