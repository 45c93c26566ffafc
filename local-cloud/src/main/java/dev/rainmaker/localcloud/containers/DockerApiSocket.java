package dev.rainmaker.localcloud.containers;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Testcontainers finds a Docker API on this machine, as far as it can be told without asking it (which may start
 * its reaper): the unix socket {@code DOCKER_HOST} names, else Docker's default socket. A TCP {@code DOCKER_HOST} is
 * not looked at: the tests talk only to this machine's sockets.
 */
public record DockerApiSocket(Path path) {

    static final Path DOCKER_DEFAULT = Path.of("/var/run/docker.sock");

    public static DockerApiSocket ofThisProcess() {
        return of(System.getenv());
    }

    static DockerApiSocket of(Map<String, String> environment) {
        String dockerHost = environment.get("DOCKER_HOST");
        if (dockerHost != null && dockerHost.startsWith("unix://")) {
            return new DockerApiSocket(Path.of(dockerHost.substring("unix://".length())));
        }
        return new DockerApiSocket(DOCKER_DEFAULT);
    }

    /** Empty when a Docker API answers on it; else why it does not, in words a person can act on. */
    public Optional<String> unavailability() {
        if (PodmanApiService.answers(path)) {
            return Optional.empty();
        }
        return Optional.of("no Docker API answers on " + path + " (DOCKER_HOST=unix://...; with Podman: podman system"
                + " service --time=0 unix://PATH, and TESTCONTAINERS_RYUK_DISABLED=true where Ryuk cannot be pulled)");
    }
}
