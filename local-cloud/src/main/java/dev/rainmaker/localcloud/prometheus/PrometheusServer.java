package dev.rainmaker.localcloud.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.localcloud.Directories;
import dev.rainmaker.localcloud.LocalPorts;
import dev.rainmaker.localcloud.process.ChildProcesses;

/**
 * A real Prometheus ({@code /usr/bin/prometheus}, Debian's package) on a free port of 127.0.0.1, as a child of this
 * JVM, with fresh storage in its own directory: it scrapes the services listed in {@link ScrapeTargets} and evaluates
 * the given rules. Never on :9090, where the package's own system service may listen.
 */
public final class PrometheusServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The alerts page of the current UI, then of the classic one (all Debian's build ships). */
    private static final List<String> ALERTS_PAGES = List.of("/alerts", "/classic/alerts");

    private final Process process;
    private final String url;
    private final Path targetsFile;
    private String alertsPage;

    private PrometheusServer(Process process, String url, Path targetsFile) {
        this.process = process;
        this.url = url;
        this.targetsFile = targetsFile;
    }

    /** Why this machine cannot run it, or empty when it can. */
    public static Optional<String> unavailability() {
        if (!Files.isExecutable(BINARY)) {
            return Optional.of(BINARY + " is missing (apt-get install prometheus)");
        }
        return Optional.empty();
    }

    /**
     * Starts Prometheus with its configuration, storage and log in {@code directory}, and waits until it is ready.
     *
     * @throws IllegalStateException when it does not become ready (an invalid rules file, say); its log says why
     */
    public static PrometheusServer start(Path directory, PrometheusSettings settings) {
        unavailability().ifPresent(why -> {
            throw new IllegalStateException("cannot start Prometheus: " + why);
        });
        try {
            Path data = directory.resolve("data");
            Directories.deleteTree(data);
            Files.createDirectories(data);
            Path targets = directory.resolve("targets.json");
            ScrapeTargets.in(targets);
            Optional<Path> rules = settings.rulesFile()
                    .map(file -> settings.alertsPendingFor()
                            .map(pendingFor ->
                                    RuleOverlay.write(file, pendingFor, directory.resolve("rules-overlay.yaml")))
                            .orElse(file));
            Path config = directory.resolve("prometheus.yml");
            Files.writeString(config, PrometheusConfig.render(settings.scrapeInterval(), targets, rules));
            int port = LocalPorts.free();
            Path log = directory.resolve("prometheus.log");
            Process process = ChildProcesses.start(
                    new ProcessBuilder(
                                    BINARY.toString(),
                                    "--config.file=" + config,
                                    "--web.listen-address=127.0.0.1:" + port,
                                    "--storage.tsdb.path=" + data,
                                    "--storage.tsdb.retention.time=1d")
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile()),
                    ChildProcesses.OnParentDeath.TERM);
            PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, targets);
            server.awaitReady(log);
            server.alertsPage = server.findAlertsPage();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Prometheus in " + directory, e);
        }
    }

    public PrometheusInfo info() {
        return PrometheusInfo.running(url, alertsPage, targetsFile);
    }

    public String url() {
        return url;
    }

    private String findAlertsPage() {
        for (String path : ALERTS_PAGES) {
            if (answers(URI.create(url + path)) == 200) {
                return url + path;
            }
        }
        return url;
    }

    private static int answers(URI page) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(page)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady(Path log) {
        URI ready = URI.create(url + "/-/ready");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Prometheus exited with status " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while starting Prometheus", e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException(
                "Prometheus was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Prometheus", e);
        }
    }
}
