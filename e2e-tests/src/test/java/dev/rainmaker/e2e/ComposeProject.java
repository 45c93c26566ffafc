package dev.rainmaker.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One project of {@code deploy/compose.yaml} run by podman-compose under a name of its own ({@code -p}), with its
 * settings in podman-compose's environment (the file's {@code ${...}}); every command's output appended to a log file.
 * Its containers are {@code <project>_<service>_1}, as podman-compose names them; it and its volumes and network carry
 * the label {@code io.podman.compose.project=<project>}.
 */
final class ComposeProject {

    private final Path composeFile;
    private final String name;
    private final Map<String, String> settings;
    private final Path log;

    ComposeProject(Path composeFile, String name, Map<String, String> settings, Path log) {
        this.composeFile = composeFile;
        this.name = name;
        this.settings = Map.copyOf(settings);
        this.log = log;
    }

    /** What a command exited with and printed. */
    record Result(int status, String output) {}

    /** Whether podman-compose and podman are on the PATH, or why not. */
    static String unavailability() {
        for (String tool : List.of("podman", "podman-compose")) {
            if (!onPath(tool)) {
                return tool + " is not installed (apt-get install -y podman-compose)";
            }
        }
        return "";
    }

    String name() {
        return name;
    }

    String container(String service) {
        return name + "_" + service + "_1";
    }

    /** Creates and starts every container, detached. */
    void up(Duration timeout) {
        Result result = compose(timeout, "up", "-d");
        if (result.status() != 0) {
            throw new IllegalStateException("podman-compose up failed: " + result.output());
        }
    }

    /**
     * Stops and removes every container, then its volumes and its network: podman-compose 1.0.3's {@code down} leaves
     * the network {@code <project>_default} behind.
     */
    Result down(Duration timeout) {
        Result down = compose(timeout, "down", "--volumes");
        String network = name + "_default";
        if (podman("network", "exists", network).status() == 0) {
            Result removed = podman("network", "rm", network);
            return new Result(down.status() == 0 ? removed.status() : down.status(), down.output() + removed.output());
        }
        return down;
    }

    /**
     * Runs the service's compose health check once, as the engine's timer would (which needs systemd, not here):
     * whether it passed.
     */
    boolean healthy(String service) {
        return podman("healthcheck", "run", container(service)).status() == 0;
    }

    /** Writes the service's container log to {@code file}, for reading after a run. */
    void saveLogs(String service, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, podman("logs", container(service)).output(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The containers of this project that exist, running or not. */
    List<String> containers() {
        return names("{{.Names}}", "ps", "--all");
    }

    List<String> volumes() {
        return names("{{.Name}}", "volume", "ls");
    }

    List<String> networks() {
        return names("{{.Name}}", "network", "ls");
    }

    private List<String> names(String format, String... list) {
        List<String> command = new ArrayList<>(List.of(list));
        command.addAll(List.of("--filter", "label=io.podman.compose.project=" + name, "--format", format));
        return podman(command.toArray(String[]::new))
                .output()
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
    }

    private Result podman(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        return run(Duration.ofSeconds(30), command);
    }

    private Result compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman-compose", "-p", name, "-f", composeFile.toString()));
        command.addAll(List.of(arguments));
        return run(timeout, command);
    }

    private Result run(Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile("rmc-compose", ".out");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(settings);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took over " + timeout);
                }
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                Files.createDirectories(log.getParent());
                Files.writeString(
                        log,
                        "$ " + String.join(" ", command) + "\n" + printed,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                return new Result(process.exitValue(), printed);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }
}
