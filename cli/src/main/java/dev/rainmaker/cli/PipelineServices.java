package dev.rainmaker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.rainmaker.localcloud.Directories;
import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.LocalPorts;

/**
 * The four services of the pipeline and status-service (which watches them), configured to run against a local cloud:
 * one launch each, built from the local cloud's info.
 */
public final class PipelineServices {

    public static final List<String> NAMES =
            List.of("droplet-service", "bootstrap-service", "stack-service", "notifier-service");

    public static final String STATUS_SERVICE = "status-service";

    /** The pipeline's services and status-service, in start order. */
    public static final List<String> WITH_STATUS =
            Stream.concat(NAMES.stream(), Stream.of(STATUS_SERVICE)).toList();

    /** The SaaS app's HTTP door; it reads customers' states from status-service, so it starts after it. */
    public static final String API_SERVICE = "api-service";

    /** Every service, in start order. */
    public static final List<String> ALL =
            Stream.concat(WITH_STATUS.stream(), Stream.of(API_SERVICE)).toList();

    /**
     * How each service's JVM runs (deploy/kubernetes sets the same), to keep its peak RSS under 300 MiB in a burst of
     * 1,000 (docs/benchmarks.md): the serial collector, as the JVM itself picks for a container of under two CPUs,
     * whose bookkeeping is under 1 MiB where G1's was ~40 MiB; a heap of 80 MiB (bootstrap-service held 55 MiB live
     * with ~400 hosts at once; with 100 at once an 80 MiB heap ran a 1,000 burst without thrashing); compact object headers (JDK 25), 4 bytes less per object. Outside the
     * heap a service holds ~150 MiB (metaspace ~50, JIT code ~35, the JVM's own code ~20, class data ~25, stacks, malloc).
     */
    public static final List<String> JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-Xmx80m", "-XX:+UseCompactObjectHeaders");

    /** At most two glibc malloc arenas (the default is up to 8 a core), whose freed memory stays resident. */
    public static final Map<String, String> JVM_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private PipelineServices() {}

    /** One launch per service; {@code instance} tells two instances of the same service apart (ports, logs). */
    public static List<ServiceLaunch> launches(Path repository, LocalCloudInfo cloud, Path logDirectory, int instance) {
        return launches(repository, cloud, logDirectory, instance, NAMES);
    }

    /** One launch per named service (of {@link #ALL}; api-service's needs {@link ApiSettings} applied to it). */
    public static List<ServiceLaunch> launches(
            Path repository, LocalCloudInfo cloud, Path logDirectory, int instance, List<String> names) {
        return names.stream()
                .map(name -> launch(repository, cloud, logDirectory, name, instance))
                .toList();
    }

    /** Which of {@link #ALL} a launch made here runs: its name is the service's, a dash and the instance. */
    public static String serviceOf(ServiceLaunch launch) {
        return ALL.stream()
                .filter(name -> launch.name().startsWith(name + "-"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(launch.name() + " is none of " + WITH_STATUS));
    }

    /**
     * Where status-service instances keep their view (RocksDB) in a run: under the state directory, beside the logs.
     * A run on a new broker must start without it ({@link #forgetStatusViews}): the view is rebuilt from Kafka.
     */
    public static Path statusViews(Path logDirectory) {
        return logDirectory.resolveSibling("status-views");
    }

    /** Deletes what status-service instances of an earlier run kept, which belongs to that run's broker. */
    public static void forgetStatusViews(Path logDirectory) {
        Directories.deleteTree(statusViews(logDirectory));
    }

    /** The service's launch, started from its AOT cache when that is current (see {@link AotTraining}). */
    public static ServiceLaunch launch(
            Path repository, LocalCloudInfo cloud, Path logDirectory, String name, int instance) {
        Path jar = packagedJar(repository, name);
        List<String> fromCache =
                aotCache(repository, name).filter(AotCache::isCurrent).map(AotCache::useOption).stream()
                        .toList();
        return launch(jar, fromCache, cloud, logDirectory, name, instance, name + "-" + instance);
    }

    /**
     * A run of the service that records its AOT cache as it stops: instance 1's launch, with a log of its own;
     * api-service's with an app and a status-service that exist for the training only.
     */
    static ServiceLaunch trainingLaunch(
            Path repository, LocalCloudInfo cloud, Path logDirectory, String name, AotCache cache) {
        ServiceLaunch launch = launch(
                packagedJar(repository, name),
                List.of(cache.trainOption()),
                cloud,
                logDirectory,
                name,
                1,
                name + "-aot-training");
        return name.equals(API_SERVICE) ? ApiSettings.forTraining().applyTo(launch) : launch;
    }

    /** The service's AOT cache for this JDK and {@link #JVM_OPTIONS}; empty on a JDK without them. */
    public static Optional<AotCache> aotCache(Path repository, String name) {
        return AotCache.of(packagedJar(repository, name).getParent(), JVM_OPTIONS);
    }

    private static Path packagedJar(Path repository, String name) {
        Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        return jar;
    }

    private static ServiceLaunch launch(
            Path jar,
            List<String> aotOptions,
            LocalCloudInfo cloud,
            Path logDirectory,
            String name,
            int instance,
            String launchName) {
        int httpPort = LocalPorts.free();
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", cloud.kafkaBootstrapServers());
        properties.put("quarkus.http.port", String.valueOf(httpPort));
        properties.put("quarkus.http.host", "127.0.0.1");
        Map<String, String> environment = new HashMap<>(JVM_ENVIRONMENT);
        switch (name) {
            case "droplet-service" -> {
                properties.put("rainmaker.droplet.api-url", cloud.digitalOceanUrl());
                properties.put(
                        "rainmaker.droplet.provisioning-public-key-file",
                        cloud.provisioningPublicKey().toString());
                properties.put("rainmaker.droplet.poll-interval", "500ms");
                environment.put("DIGITALOCEAN_TOKEN", cloud.digitalOceanToken());
            }
            case "bootstrap-service", "stack-service" -> {
                properties.put("rainmaker.ssh.port", String.valueOf(cloud.sshPort()));
                properties.put(
                        "rainmaker.ssh.private-key-file",
                        cloud.provisioningPrivateKey().toString());
                if (name.equals("stack-service")) {
                    properties.put("rainmaker.stack.app-port", String.valueOf(cloud.appPort()));
                }
            }
            case "notifier-service" -> {
                properties.put("quarkus.mailer.host", "127.0.0.1");
                properties.put("quarkus.mailer.port", String.valueOf(cloud.smtpPort()));
                // Stable per instance, so that a restarted instance aborts the transaction its predecessor left open.
                properties.put(
                        "mp.messaging.outgoing.customers-ready-out.transactional.id", "notifier-service-" + instance);
            }
            case STATUS_SERVICE -> {
                // The view on disk, one directory per instance; a restarted instance finds its own again.
                properties.put(
                        "kafka-streams.state.dir",
                        statusViews(logDirectory).resolve(launchName).toString());
            }
            case API_SERVICE -> {
                // Its apps and status-service's address and user come from ApiSettings, in a file of its own.
            }
            default -> throw new IllegalArgumentException("unknown service " + name);
        }
        return new ServiceLaunch(
                launchName,
                Stream.of(JVM_OPTIONS, aotOptions, List.of("-jar", jar.toString()))
                        .flatMap(List::stream)
                        .toList(),
                properties,
                environment,
                logDirectory.resolve(launchName + ".log"),
                httpPort);
    }
}
