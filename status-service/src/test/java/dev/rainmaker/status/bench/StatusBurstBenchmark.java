package dev.rainmaker.status.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.localcloud.LocalPorts;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test of the build (its name keeps surefire from running it): a burst of customers through the packaged
 * status-service, run as a process with the services' JVM options, printing its peak RSS, how long the view took to
 * hold them all, and how long a restart with an empty state directory took to answer for all of them again (restored
 * from the changelog). Run: {@code ./mvnw -pl status-service -am package -DskipTests}, then
 * {@code ./mvnw -pl status-service -am verify -Dtest=StatusBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Drainmaker.status.burst=1000}. Figures: docs/benchmarks.md.
 */
class StatusBurstBenchmark {

    /** As cli's PipelineServices.JVM_OPTIONS (services never depend on cli). */
    private static final List<String> JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-Xmx80m", "-XX:+UseCompactObjectHeaders");
    /** ops / secret, as in the test profile. */
    private static final String OPS_HASH = "$2a$10$EC6tEmjvofI7KLq8hh.iaujkuYoiVHC2yezxTlLISMbxb9RsMLX0u";

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    @Test
    void burst() throws Exception {
        assumeTrue(System.getProperty("rainmaker.status.burst") != null, "a benchmark: -Drainmaker.status.burst=1000");
        int customers = Integer.getInteger("rainmaker.status.burst");
        Path work = Files.createDirectories(Path.of("target/burst"));
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("package status-service first").exists();
        try (KafkaBroker broker = KafkaBroker.startFresh(LocalPorts.free(), work.resolve("kafka"));
                TopicClient kafka = new TopicClient(broker.bootstrapServers())) {
            int port = LocalPorts.free();
            Process service = start(jar, broker.bootstrapServers(), port, work.resolve("state"), work.resolve("1.log"));
            awaitTotal(port, "", 0, Duration.ofMinutes(2));
            long idle = rssKiB(service);
            Instant burst = Instant.now();
            for (int i = 0; i < customers; i++) {
                for (RainmakerEvent event : BurstEvents.of("burst-" + i, i)) {
                    EventType type = EventType.of(event);
                    kafka.publish(
                            type.topic(),
                            event.customerId(),
                            EventJson.write(event),
                            Map.of("ce_type", type.cloudEventType(), "ce_subject", event.customerId()));
                }
            }
            Duration published = Duration.between(burst, Instant.now());
            long ready = BurstEvents.ready(customers);
            awaitTotal(port, "?state=ready", ready, Duration.ofMinutes(10));
            Duration held = Duration.between(burst, Instant.now());
            long peak = hwmKiB(service);
            service.destroyForcibly().waitFor();

            deleteRecursively(work.resolve("state"));
            Instant restart = Instant.now();
            Process restarted =
                    start(jar, broker.bootstrapServers(), port, work.resolve("state"), work.resolve("2.log"));
            awaitTotal(port, "?state=ready", ready, Duration.ofMinutes(5));
            Duration restored = Duration.between(restart, Instant.now());
            long restoredPeak = hwmKiB(restarted);
            restarted.destroy();
            restarted.waitFor();

            System.out.printf(
                    "status-service burst of %d customers (%d ready): RSS idle %d MiB, peak %d MiB; published in %d s,"
                            + " all in the view %d s after the first; killed and restarted with an empty state"
                            + " directory: all answered again after %d s, peak RSS %d MiB%n",
                    customers,
                    ready,
                    idle / 1024,
                    peak / 1024,
                    published.toSeconds(),
                    held.toSeconds(),
                    restored.toSeconds(),
                    restoredPeak / 1024);
        }
    }

    private static Process start(Path jar, String kafka, int port, Path state, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-Dkafka.bootstrap.servers=" + kafka,
                "-Dquarkus.http.port=" + port,
                "-Dkafka-streams.state.dir=" + state.toAbsolutePath(),
                "-Drainmaker.status.users.ops.password-hash=" + OPS_HASH,
                "-Drainmaker.status.users.ops.roles=operator",
                "-jar",
                jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    private static void awaitTotal(int port, String query, long expected, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/customers"
                        + (query.isEmpty() ? "?size=1" : query + "&size=1")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:secret".getBytes()))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                Matcher total = TOTAL.matcher(
                        http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                if (total.find() && Long.parseLong(total.group(1)) >= expected) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the view did not hold " + expected + " customers (" + query + ") within " + timeout);
    }

    private static long rssKiB(Process process) throws IOException {
        return statusField(process, "VmRSS:");
    }

    private static long hwmKiB(Process process) throws IOException {
        return statusField(process, "VmHWM:");
    }

    private static long statusField(Process process, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(-1);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
