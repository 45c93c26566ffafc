package dev.rainmaker.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A command run to its end in the repository root, its output (standard error included) kept for the assertion. */
record Command(List<String> line, int exitStatus, String output) {

    static Command run(String... line) {
        ProcessBuilder builder =
                new ProcessBuilder(line).directory(DeployFiles.ROOT.toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not end within 2 minutes");
            }
            return new Command(List.of(line), process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", line), e);
        }
    }

    /** Where {@code name} is on the PATH, if it is. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    String describe() {
        return String.join(" ", line) + " exited " + exitStatus + ":\n" + output;
    }
}
