package dev.rainmaker.e2e;

import java.time.Duration;
import java.util.Optional;

import dev.rainmaker.cli.Readiness;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when the service's readiness check answers UP on the host's loopback: a container on the host's network maps
 * no port, which Testcontainers' own HTTP wait needs. Fails early, with the container's log, if it stops.
 */
final class ReadyOnHostPort extends AbstractWaitStrategy {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String name;
    private final int port;

    ReadyOnHostPort(String name, int port) {
        this.name = name;
        this.port = port;
    }

    @Override
    protected void waitUntilReady() {
        Readiness.await(
                name,
                port,
                startupTimeout,
                POLL,
                () -> waitStrategyTarget.isRunning() ? Optional.empty() : Optional.of("stopped"),
                () -> "its log: " + waitStrategyTarget.getLogs());
    }
}
