package dev.rainmaker.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service run from its packaged jar ({@code <service>/target/quarkus-app/quarkus-run.jar}) with a given
 * environment, its output in {@code target/<service>.log}, stopped with SIGTERM.
 */
final class ServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String service, Process process, Path log, int port) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static Path jarOf(String service) {
        return DeployFiles.ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static ServiceProcess start(String service, Map<String, String> environment) {
        try {
            int port = freePort();
            Path log = Path.of("target", service + ".log").toAbsolutePath();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(
                            List.of(java, "-jar", jarOf(service).toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            return new ServiceProcess(service, builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until every readiness check but those named in {@code elsewhere} (the service's other outside
     * dependencies, such as its mail server) is UP; throws, with the log's end, if that does not happen within
     * {@code patience}.
     */
    void awaitReady(Set<String> elsewhere, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        String last = "no answer";
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                last = HTTP.send(ready, HttpResponse.BodyHandlers.ofString()).body();
                if (readyBut(JSON.readTree(last), elsewhere)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                service + " was not ready within " + patience + " (" + last + "); its log ends:\n" + logTail());
    }

    private static boolean readyBut(JsonNode health, Set<String> elsewhere) {
        List<JsonNode> checks = new ArrayList<>();
        health.path("checks").forEach(checks::add);
        return !checks.isEmpty()
                && checks.stream()
                        .filter(check -> !elsewhere.contains(check.path("name").asText()))
                        .allMatch(check -> check.path("status").asText().equals("UP"));
    }

    /** Waits until the service's log has {@code line}; throws, with the log's end, if not within {@code patience}. */
    void awaitLogLine(String line, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!log().contains(line)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(
                        service + " did not log \"" + line + "\" within " + patience + "; its log ends:\n" + logTail());
            }
            Thread.sleep(500);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
