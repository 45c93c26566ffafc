package dev.rainmaker.e2e;

import java.nio.file.Path;
import java.time.Duration;

import dev.rainmaker.localcloud.containers.PodmanApiService;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Docker API Testcontainers talks to ({@code DOCKER_HOST}, which this module's build sets): when it is this
 * build's own socket ({@code rainmaker.podman.socket}), Podman serves it from before the first test class that uses
 * this until every test has run; another one (a Docker or Podman already running) is used as it is.
 */
final class PodmanApiExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PodmanApiService.class);
    private static final Duration START = Duration.ofSeconds(30);

    @Override
    public void beforeAll(ExtensionContext context) {
        String ownSocket = System.getProperty("rainmaker.podman.socket");
        if (ownSocket == null || !("unix://" + ownSocket).equals(System.getenv("DOCKER_HOST"))) {
            return;
        }
        Path socket = Path.of(ownSocket);
        if (PodmanApiService.answers(socket)) {
            // A service a run that died left behind: it serves as well, and is that run's to stop.
            return;
        }
        // In the run's root store: closed (Podman stopped) once every test class has run.
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        PodmanApiService.class,
                        key -> PodmanApiService.start(socket, socket.resolveSibling("podman-service.log"), START),
                        PodmanApiService.class);
    }
}
