package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.localcloud.process.ChildProcesses;

/**
 * A Rainmaker service running as its own operating-system process, its output going to its log file. Should the JVM
 * that started it die, even by SIGKILL, it is killed too (or asked to stop, for a process that must clean up), so
 * that nothing outlives its run: a service asked to stop after its broker went with its parent may never finish its
 * graceful stop, and services are built to survive SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Often enough that the benchmark's start figure is within 50 ms of when the service became ready. */
    private static final Duration READY_POLL = Duration.ofMillis(50);

    private final ServiceLaunch launch;
    private final ChildProcesses.OnParentDeath onParentDeath;
    private final Process process;

    private ServiceProcess(ServiceLaunch launch, ChildProcesses.OnParentDeath onParentDeath, Process process) {
        this.launch = launch;
        this.onParentDeath = onParentDeath;
        this.process = process;
    }

    /** Starts the process, killed should this JVM die; its log file starts empty. */
    public static ServiceProcess start(ServiceLaunch launch) {
        return start(launch, ChildProcesses.OnParentDeath.KILL);
    }

    /** Starts the process, which gets {@code onParentDeath} should this JVM die; its log file starts empty. */
    public static ServiceProcess start(ServiceLaunch launch, ChildProcesses.OnParentDeath onParentDeath) {
        return start(
                launch,
                onParentDeath,
                ProcessBuilder.Redirect.to(launch.logFile().toFile()));
    }

    private static ServiceProcess start(
            ServiceLaunch launch, ChildProcesses.OnParentDeath onParentDeath, ProcessBuilder.Redirect log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        launch.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(launch.javaArguments());
        try {
            Files.createDirectories(launch.logFile().getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(launch.environment());
            return new ServiceProcess(launch, onParentDeath, ChildProcesses.start(builder, onParentDeath));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + launch.name(), e);
        }
    }

    public String name() {
        return launch.name();
    }

    /** The port its HTTP server (health, metrics, API) listens on at 127.0.0.1. */
    public int httpPort() {
        return launch.httpPort();
    }

    public Path logFile() {
        return launch.logFile();
    }

    /** The JVM's process id (the process runs {@code java} itself). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the service's readiness check answers UP; fails early, pointing at the log, if the process dies. */
    public void awaitReady(Duration timeout) {
        Readiness.await(
                launch.name(),
                launch.httpPort(),
                timeout,
                READY_POLL,
                () -> process.isAlive() ? Optional.empty() : Optional.of("exited with status " + process.exitValue()),
                () -> "see " + launch.logFile());
    }

    /** Kills the process without warning (SIGKILL), as a crash or an out-of-memory killer would, and waits for it. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new process from the same launch: same name, ports and log file (appended to). */
    public ServiceProcess restart() {
        return start(
                launch,
                onParentDeath,
                ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
    }

    /** Asks the process to stop (SIGTERM) without waiting, so that several can stop at once. */
    public void stopSoon() {
        process.destroy();
    }

    /** Stops gracefully, then forcibly when it does not stop within ten seconds. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Stops gracefully, then forcibly when it does not stop within {@code grace}. */
    public void close(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
