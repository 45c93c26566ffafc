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
 * A service's launch run from its image with Podman, as a deployment runs it: its own network namespace left for the
 * host's (the local cloud listens on loopback), the root file system read-only with a tmpfs at {@code /tmp}, the
 * image's own user, the {@link ImageEnvironment} (passed by name, so that no value is on a command line) with its
 * directory of files mounted read-only. The JVM options and volumes given are added (an AOT cache's training writes to
 * a volume).
 */
public final class PodmanContainer {

    private static final Duration READY_POLL = Duration.ofMillis(200);

    private final String name;
    private final ServiceLaunch launch;

    private PodmanContainer(String name, ServiceLaunch launch) {
        this.name = name;
        this.launch = launch;
    }

    /** Starts the container (detached); {@code secrets} is an empty directory of its own for the files it reads. */
    public static PodmanContainer start(ServiceLaunch launch, String image, Path secrets) {
        return start(launch, image, secrets, List.of(), List.of());
    }

    /** The same with more JVM options and volumes ({@code host-path:container-path[:options]}). */
    public static PodmanContainer start(
            ServiceLaunch launch, String image, Path secrets, List<String> jvmOptions, List<String> volumes) {
        String name = "rainmaker-" + launch.name();
        podman(Duration.ofSeconds(30), "rm", "--force", "--ignore", name);
        Map<String, String> environment = ImageEnvironment.of(launch, secrets, jvmOptions);
        List<String> command = new ArrayList<>(List.of(
                "run",
                "--detach",
                "--name",
                name,
                "--network=host",
                "--read-only",
                "--tmpfs=/tmp:rw,mode=1777",
                "--volume=" + secrets + ":" + ImageEnvironment.SECRETS + ":ro,U"));
        volumes.forEach(volume -> command.add("--volume=" + volume));
        environment.keySet().forEach(variable -> command.add("--env=" + variable));
        command.add(image);
        Result started = run(Duration.ofSeconds(60), environment, command);
        if (started.status() != 0) {
            throw new IllegalStateException("podman could not start " + name + ": " + started.output());
        }
        return new PodmanContainer(name, launch);
    }

    public String name() {
        return name;
    }

    public ServiceLaunch launch() {
        return launch;
    }

    /** Waits until the service's readiness check answers UP; fails with its log if the container stops. */
    public void awaitReady(Duration timeout) {
        Readiness.await(
                name,
                launch.httpPort(),
                timeout,
                READY_POLL,
                () -> inspect("{{.State.Running}}").equals("true") ? Optional.empty() : Optional.of("stopped"),
                () -> "its log: " + logs());
    }

    /** Runs a command inside the container; its exit status and output. */
    public Result exec(String... command) {
        List<String> arguments = new ArrayList<>(List.of("exec", name));
        arguments.addAll(List.of(command));
        return run(Duration.ofSeconds(30), Map.of(), arguments);
    }

    /**
     * Stops them at once as an orchestrator does (SIGTERM, then SIGKILL after {@code grace}), each then with its
     * service's exit status ({@link #exitStatus}).
     */
    public static void stop(List<PodmanContainer> containers, Duration grace) {
        List<String> arguments = new ArrayList<>(List.of("stop", "--time", String.valueOf(grace.toSeconds())));
        containers.forEach(container -> arguments.add(container.name));
        podman(grace.plusSeconds(60), arguments.toArray(String[]::new));
    }

    /** Starts the stopped containers again: same images, settings and file systems (but a fresh {@code /tmp}). */
    public static void restart(List<PodmanContainer> containers) {
        List<String> arguments = new ArrayList<>(List.of("start"));
        containers.forEach(container -> arguments.add(container.name));
        podman(Duration.ofSeconds(60), arguments.toArray(String[]::new));
    }

    /** The exit status of the service, once its container has stopped. */
    public int exitStatus() {
        return Integer.parseInt(inspect("{{.State.ExitCode}}"));
    }

    public String logs() {
        return podman(Duration.ofSeconds(30), "logs", name).output();
    }

    public String inspect(String format) {
        return podman(Duration.ofSeconds(30), "inspect", "--format", format, name)
                .output()
                .strip();
    }

    public void remove() {
        podman(Duration.ofSeconds(60), "rm", "--force", "--ignore", name);
    }

    /** An image's labels, as {@code podman image inspect} gives them. */
    public static String imageLabel(String image, String label) {
        return podman(
                        Duration.ofSeconds(30),
                        "image",
                        "inspect",
                        "--format",
                        "{{index .Labels \"" + label + "\"}}",
                        image)
                .output()
                .strip();
    }

    /** What a command in a container, or podman itself, exited with and printed. */
    public record Result(int status, String output) {}

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
