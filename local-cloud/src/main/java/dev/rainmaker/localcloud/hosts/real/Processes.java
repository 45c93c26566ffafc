package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.localcloud.process.ChildProcesses;

/**
 * Runs the machine's own tools (ip, tar, debootstrap ...) and fails with what they printed when they fail. Each is
 * killed should this JVM die while it runs.
 */
final class Processes {

    private Processes() {}

    record Result(int exitStatus, String output) {

        boolean succeeded() {
            return exitStatus == 0;
        }
    }

    /** Runs the command to its end; output is stdout and stderr merged. */
    static Result exec(List<String> command) {
        try {
            Path log = Files.createTempFile("rainmaker-cmd", ".log");
            try {
                Process process = ChildProcesses.start(
                        new ProcessBuilder(command)
                                .redirectErrorStream(true)
                                .redirectOutput(log.toFile())
                                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))),
                        ChildProcesses.OnParentDeath.KILL);
                if (!process.waitFor(30, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("'" + String.join(" ", command) + "' did not end in 30 minutes");
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Runs the command and fails, naming it and the end of its output, unless it exits 0. */
    static String run(String... command) {
        Result result = exec(List.of(command));
        if (!result.succeeded()) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit status "
                    + result.exitStatus() + ": " + tail(result.output()));
        }
        return result.output();
    }

    static boolean succeeds(String... command) {
        return exec(List.of(command)).succeeded();
    }

    static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
    }
}
