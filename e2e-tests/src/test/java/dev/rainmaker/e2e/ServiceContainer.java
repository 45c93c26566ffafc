package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.dockerjava.api.DockerClient;
import dev.rainmaker.cli.ImageEnvironment;
import dev.rainmaker.cli.ServiceLaunch;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.LogUtils;

/**
 * A service's launch run from its image by Testcontainers, as a deployment runs it: on the host's network (the local
 * cloud listens on loopback), the root file system read-only with a tmpfs at {@code /tmp}, the image's own user, the
 * {@link ImageEnvironment} with its files bound read-only; ready when its readiness check answers UP; its output in
 * the launch's log file. Stopped as an orchestrator stops it (SIGTERM, the JVM's own exit) and started again as it
 * was, which Testcontainers' {@code stop()} (a kill, then removal) cannot do.
 */
final class ServiceContainer implements AutoCloseable {

    /**
     * Which launch of which checkout a container runs (its log file's path): the container engine is the machine's,
     * shared with other checkouts' runs, and only this launch's leftovers are this run's to remove.
     */
    private static final String LAUNCH_LABEL = "dev.rainmaker.e2e.launch";

    private final ServiceLaunch launch;
    private final String image;
    private final GenericContainer<?> container;
    private final WaitStrategy ready;

    private ServiceContainer(ServiceLaunch launch, String image, GenericContainer<?> container, WaitStrategy ready) {
        this.launch = launch;
        this.image = image;
        this.container = container;
        this.ready = ready;
    }

    /**
     * A container for the launch, not started yet; {@code secrets} is an empty directory of its own for the files it
     * reads, {@code jvmOptions} are added to the launch's.
     */
    static ServiceContainer of(
            ServiceLaunch launch, String image, Path secrets, List<String> jvmOptions, Duration readyTimeout) {
        WaitStrategy ready = new ReadyOnHostPort(launch.name(), launch.httpPort()).withStartupTimeout(readyTimeout);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withTmpFs(Map.of("/tmp", "rw,mode=1777"))
                .withFileSystemBind(secrets.toString(), ImageEnvironment.SECRETS, BindMode.READ_ONLY)
                .withEnv(ImageEnvironment.of(launch, secrets, jvmOptions))
                .withLabel(LAUNCH_LABEL, launchKey(launch))
                .withCreateContainerCmdModifier(create -> create.getHostConfig().withReadonlyRootfs(true))
                .withLogConsumer(new LogFile(launch.logFile()))
                .waitingFor(ready);
        return new ServiceContainer(launch, image, container, ready);
    }

    /** Starts them together and waits until each is ready; containers a run that died left are removed first. */
    static void start(List<ServiceContainer> containers) {
        containers.forEach(ServiceContainer::removeLeftover);
        Startables.deepStart(containers.stream().map(service -> service.container))
                .join();
    }

    /**
     * Stops them together as an orchestrator does: SIGTERM, then SIGKILL after {@code grace}; each then has its
     * service's exit status ({@link #exitStatus}).
     */
    static void stop(List<ServiceContainer> containers, Duration grace) {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(containers.stream()
                            .map(service -> CompletableFuture.runAsync(() -> service.stop(grace), stopping))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
    }

    /**
     * Starts the stopped containers again (same images, settings and file systems, a fresh {@code /tmp}) and waits
     * until each is ready; their log files are written anew from what the container engine kept of both runs.
     */
    static void restart(List<ServiceContainer> containers) {
        for (ServiceContainer service : containers) {
            service.docker()
                    .startContainerCmd(service.container.getContainerId())
                    .exec();
            LogUtils.followOutput(
                    service.docker(), service.container.getContainerId(), new LogFile(service.launch.logFile()));
        }
        containers.forEach(service -> service.ready.waitUntilReady(service.container));
    }

    private void stop(Duration grace) {
        docker().stopContainerCmd(container.getContainerId())
                .withTimeout((int) grace.toSeconds())
                .exec();
    }

    ServiceLaunch launch() {
        return launch;
    }

    String name() {
        return launch.name();
    }

    /** Everything it printed, in every run. */
    String logs() {
        return container.getLogs();
    }

    ExecResult exec(String... command) {
        try {
            return container.execInContainer(command);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command) + " in " + name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in " + name(), e);
        }
    }

    /** The exit status of the service, once its container has stopped. */
    long exitStatus() {
        return docker().inspectContainerCmd(container.getContainerId())
                .exec()
                .getState()
                .getExitCodeLong();
    }

    /** The labels of the image it runs. */
    Map<String, String> imageLabels() {
        return docker().inspectImageCmd(image).exec().getConfig().getLabels();
    }

    /** Kills and removes it (Ryuk, which would otherwise, is off). */
    @Override
    public void close() {
        container.stop();
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }

    private static String launchKey(ServiceLaunch launch) {
        return launch.logFile().toAbsolutePath().toString();
    }

    private void removeLeftover() {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LAUNCH_LABEL, launchKey(launch)))
                .exec()
                .forEach(leftover -> docker.removeContainerCmd(leftover.getId())
                        .withForce(true)
                        .exec());
    }
}
