package dev.rainmaker.localcloud.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Podman's Docker-compatible API ({@code podman system service}) on a socket, as a child process (of the tests that run
 * containers through Testcontainers): ready once the socket answers {@code _ping}, stopped with SIGTERM when closed.
 */
public final class PodmanApiService implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final Path socket;

    private PodmanApiService(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts it serving {@code socket} ({@code --time=0}: for as long as it runs), its output to {@code log}. */
    public static PodmanApiService start(Path socket, Path log, Duration timeout) {
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket);
            Process process = new ProcessBuilder("podman", "system", "service", "--time=0", "unix://" + socket)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PodmanApiService service = new PodmanApiService(process, socket);
            Instant started = Instant.now();
            service.awaitPing(timeout, log);
            System.out.printf(
                    "podman system service: answering on %s after %d ms%n",
                    socket, Duration.between(started, Instant.now()).toMillis());
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start podman system service", e);
        }
    }

    /** Whether a Docker API answers {@code GET /_ping} with 200 on the socket. */
    public static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(StandardCharsets.US_ASCII.encode("GET /_ping HTTP/1.0\r\nHost: podman\r\n\r\n"));
            ByteBuffer answer = ByteBuffer.allocate(64);
            while (answer.hasRemaining() && channel.read(answer) >= 0) {
                // the status line is all that is needed
            }
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII)
                    .matches("(?s)HTTP/1\\.[01] 200 .*");
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitPing(Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answers(socket)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("podman system service did not answer on " + socket + " within "
                        + timeout.toSeconds() + " s; its output: " + read(log));
            }
            sleep(POLL);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + socket, e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "unreadable (" + e + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for podman system service", e);
        }
    }
}
