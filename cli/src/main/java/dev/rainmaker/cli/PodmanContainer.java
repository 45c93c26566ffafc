package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A service's launch run from its image with Podman, as {@code ./rainmaker images} trains the image's AOT cache and as
 * a deployment runs it: its own network namespace left for the host's (the local cloud listens on loopback), the root
 * file system read-only with a tmpfs at {@code /tmp}, the image's own user, the {@link ImageEnvironment} (passed by
 * name, so that no value is on a command line) with its directory of files mounted read-only. The JVM options and
 * volumes given are added (the training writes the cache to a volume).
 */
final class PodmanContainer {

    private static final Duration READY_POLL = Duration.ofMillis(200);
    /** Each container's launch, by its log file: unique to the checkout and service that started it. */
    private static final String LAUNCH_LABEL = "dev.rainmaker.launch-log";

    private final String id;
    private final ServiceLaunch launch;

    private PodmanContainer(String id, ServiceLaunch launch) {
        this.id = id;
        this.launch = launch;
    }

    /**
     * Starts the container (detached), with more JVM options and volumes ({@code host-path:container-path[:options]});
     * {@code secrets} is an empty directory of its own for the files it reads.
     */
    static PodmanContainer start(
            ServiceLaunch launch, String image, Path secrets, List<String> jvmOptions, List<String> volumes) {
        String label = LAUNCH_LABEL + "=" + launch.logFile();
        removeLeftovers(label);
        Map<String, String> environment = ImageEnvironment.of(launch, secrets, jvmOptions);
        List<String> command = new ArrayList<>(List.of(
                "run",
                "--detach",
                "--label=" + label,
                "--network=host",
                "--read-only",
                "--tmpfs=/tmp:rw,mode=1777",
                "--volume=" + secrets + ":" + ImageEnvironment.SECRETS + ":ro,U"));
        volumes.forEach(volume -> command.add("--volume=" + volume));
        environment.keySet().forEach(variable -> command.add("--env=" + variable));
        command.add(image);
        Result started = run(Duration.ofSeconds(60), environment, command);
        if (started.status() != 0) {
            throw new IllegalStateException("podman could not start " + launch.name() + ": " + started.output());
        }
        return new PodmanContainer(
                started.output().strip().lines().reduce((first, last) -> last).orElseThrow(), launch);
    }

    /**
     * A run killed before it removed its containers leaves them behind; only this launch's are removed (the engine is
     * the machine's: another checkout's containers are not this run's to remove).
     */
    private static void removeLeftovers(String label) {
        List<String> leftovers = podman(Duration.ofSeconds(30), "ps", "--all", "--quiet", "--filter", "label=" + label)
                .output()
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
        if (!leftovers.isEmpty()) {
            List<String> arguments = new ArrayList<>(List.of("rm", "--force", "--ignore"));
            arguments.addAll(leftovers);
            podman(Duration.ofSeconds(60), arguments.toArray(String[]::new));
        }
    }

    String name() {
        return launch.name();
    }

    ServiceLaunch launch() {
        return launch;
    }

    /** Waits until the service's readiness check answers UP; fails with its log if the container stops. */
    void awaitReady(Duration timeout) {
        Readiness.await(
                launch.name(),
                launch.httpPort(),
                timeout,
                READY_POLL,
                () -> inspect("{{.State.Running}}").equals("true") ? Optional.empty() : Optional.of("stopped"),
                () -> "its log: " + logs());
    }

    /** Stops them at once as an orchestrator does: SIGTERM, then SIGKILL after {@code grace}. */
    static void stop(List<PodmanContainer> containers, Duration grace) {
        List<String> arguments = new ArrayList<>(List.of("stop", "--time", String.valueOf(grace.toSeconds())));
        containers.forEach(container -> arguments.add(container.id));
        podman(grace.plusSeconds(60), arguments.toArray(String[]::new));
    }

    String logs() {
        return podman(Duration.ofSeconds(30), "logs", id).output();
    }

    private String inspect(String format) {
        return podman(Duration.ofSeconds(30), "inspect", "--format", format, id)
                .output()
                .strip();
    }

    void remove() {
        podman(Duration.ofSeconds(60), "rm", "--force", "--ignore", id);
    }

    /** What podman exited with and printed. */
    record Result(int status, String output) {}

    static Result podman(Duration timeout, String... arguments) {
        Result result = run(timeout, Map.of(), List.of(arguments));
        if (result.status() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", arguments) + " failed: " + result.output());
        }
        return result;
    }

    private static Result run(Duration timeout, Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(arguments);
        try {
            Path output = Files.createTempFile("podman", ".out");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("podman " + arguments.getFirst() + " took over " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run podman", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running podman", e);
        }
    }
}
