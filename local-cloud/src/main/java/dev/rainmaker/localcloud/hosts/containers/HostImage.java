package dev.rainmaker.localcloud.hosts.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real hosts' base image as a container image: the same tarball imported into the container engine once, tagged
 * after the tarball's name and age, so a rebuilt base is imported again and an unchanged one never.
 */
final class HostImage {

    static final String REPOSITORY = "localhost/rmh-debian12-host";

    private static final Logger LOG = LoggerFactory.getLogger(HostImage.class);

    private final DockerClient docker;

    HostImage(DockerClient docker) {
        this.docker = docker;
    }

    /** The image's name, imported from {@code tarball} first when the engine does not have it yet. */
    String ensure(Path tarball) {
        String tag = tag(tarball);
        String image = REPOSITORY + ":" + tag;
        try {
            docker.inspectImageCmd(image).exec();
            return image;
        } catch (NotFoundException missing) {
            importFrom(tarball, tag);
            return image;
        }
    }

    static String tag(Path tarball) {
        String name = tarball.getFileName().toString().replace(".tar.zst", "");
        try {
            return name + "-" + Files.getLastModifiedTime(tarball).toInstant().getEpochSecond();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + tarball, e);
        }
    }

    /**
     * Through the engine's own command line ({@code docker}, which follows {@code DOCKER_HOST}, else {@code podman}):
     * the Docker API's import ({@code POST /images/create?fromSrc=-}), fed the unpacked tarball as a stream through
     * Testcontainers' client, failed here with Podman 4.3 after 3 s ("processing tar file(unexpected EOF)").
     */
    private void importFrom(Path tarball, String tag) {
        long started = System.nanoTime();
        String engine = onPath("docker") ? "docker" : "podman";
        try {
            Process importing = new ProcessBuilder(
                            "bash",
                            "-c",
                            "set -o pipefail; zstd -dc \"$1\" | \"$2\" import - \"$3\"",
                            "bash",
                            tarball.toString(),
                            engine,
                            REPOSITORY + ":" + tag)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(importing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!importing.waitFor(5, TimeUnit.MINUTES) || importing.exitValue() != 0) {
                throw new IllegalStateException("could not import " + tarball + " as " + REPOSITORY + ":" + tag
                        + " with " + engine + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not import " + tarball + " with " + engine, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing the host image", e);
        }
        LOG.info(
                "imported the base image {} as {}:{} in {} ms",
                tarball,
                REPOSITORY,
                tag,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static boolean onPath(String command) {
        for (String directory :
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
