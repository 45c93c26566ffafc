package dev.rainmaker.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.rainmaker.cli.AotTraining;
import dev.rainmaker.cli.ApiClient;
import dev.rainmaker.cli.ApiSettings;
import dev.rainmaker.cli.LocalCloudProcess;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.LocalCloudRecord;
import dev.rainmaker.localcloud.kafka.TopicClient;

/**
 * The local cloud and one or two instances of each service (status-service included) as processes, for the benchmark, started as the demo starts
 * them, but one at a time: each service's start time (process start to ready) is measured with nothing else starting,
 * as a scaled-out deployment starts one replica at a time. Just before they stop, the CPU time and peak RSS of each.
 */
final class PipelineRun {

    private static final String BENCH_APP = "bench";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** A service's consumers leave their groups one after the other as it stops (up to ~9 s for three). */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final LocalCloudProcess localCloud;
    private final Path stateDirectory;
    private final List<Service> services;
    private final StatusUsers statusUsers;
    private final Optional<ApiSettings> apiSettings;

    /**
     * A running service: its process, how long its first start took to answer ready, and how long its restart took
     * once it has been restarted ({@link #restartEach}).
     */
    record Service(ServiceProcess process, Duration firstStart, Optional<Duration> restart) {}

    private PipelineRun(
            LocalCloudProcess localCloud,
            Path stateDirectory,
            List<Service> services,
            StatusUsers statusUsers,
            Optional<ApiSettings> apiSettings) {
        this.localCloud = localCloud;
        this.stateDirectory = stateDirectory;
        this.services = services;
        this.statusUsers = statusUsers;
        this.apiSettings = apiSettings;
    }

    static PipelineRun start(Path repository, Path stateDirectory, BenchOptions options, Consumer<String> report) {
        Path logs = stateDirectory.resolve("logs");
        report.accept("starting the local cloud; log: " + logs.resolve("local-cloud.log"));
        LocalCloudProcess localCloud = startLocalCloud(stateDirectory, "local-cloud", options);
        LocalCloudInfo cloud = localCloud.info();
        report.accept("local cloud up: " + cloud);
        List<ServiceProcess> started = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        try {
            createTopics(cloud);
            AotTraining.trainStale(
                    repository,
                    cloud,
                    logs,
                    options.viaApi() ? PipelineServices.ALL : PipelineServices.WITH_STATUS,
                    report);
            PipelineServices.forgetStatusViews(logs);
            StatusUsers statusUsers = StatusUsers.generate();
            for (int instance = 1; instance <= options.instances(); instance++) {
                for (ServiceLaunch launch :
                        PipelineServices.launches(repository, cloud, logs, instance, PipelineServices.WITH_STATUS)) {
                    ServiceLaunch benchLaunch = BenchSettings.apply(launch, options.instances());
                    if (isStatusService(benchLaunch)) {
                        benchLaunch = statusUsers.applyTo(benchLaunch);
                    }
                    services.add(startTimed(benchLaunch, started, report));
                }
            }
            Optional<ApiSettings> apiSettings = Optional.empty();
            if (options.viaApi()) {
                ApiSettings settings = new ApiSettings(
                        List.of(ApiSettings.App.generate(BENCH_APP, 1_000_000, 1_000_000)),
                        URI.create("http://127.0.0.1:" + statusPortsOf(services).getFirst()),
                        StatusUsers.VIEWER,
                        statusUsers.viewerPassword());
                services.add(startTimed(
                        settings.applyTo(
                                PipelineServices.launch(repository, cloud, logs, PipelineServices.API_SERVICE, 1)),
                        started,
                        report));
                apiSettings = Optional.of(settings);
            }
            return new PipelineRun(localCloud, stateDirectory, services, statusUsers, apiSettings);
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            localCloud.close();
            throw e;
        }
    }

    /**
     * Every event topic and its dead-letter topic, before any service starts, as a deployment creates them with the
     * cluster (deploy/kubernetes/kafka-topics.yaml): the first service's start then does not include creating its
     * topics' partitions on a fresh broker.
     */
    private static void createTopics(LocalCloudInfo cloud) {
        try (TopicClient kafka = new TopicClient(cloud.kafkaBootstrapServers())) {
            kafka.createTopics(
                    Stream.of(EventType.values())
                            .flatMap(type -> Stream.of(type.topic(), type.deadLetterTopic()))
                            .toList(),
                    BenchSettings.PARTITIONS);
        }
    }

    private static Service startTimed(ServiceLaunch launch, List<ServiceProcess> started, Consumer<String> report) {
        Instant startedAt = Instant.now();
        ServiceProcess process = ServiceProcess.start(launch);
        started.add(process);
        process.awaitReady(START_TIMEOUT);
        Duration startTime = Duration.between(startedAt, Instant.now());
        report.accept(String.format(
                "%s ready after %.1f s; log: %s", launch.name(), startTime.toMillis() / 1000.0, launch.logFile()));
        return new Service(process, startTime, Optional.empty());
    }

    /** api-service's client as the benchmark's app; only with {@code --via api}. */
    ApiClient apiClient() {
        ApiSettings settings = apiSettings.orElseThrow(() -> new IllegalStateException("api-service is not running"));
        Service api = services.stream()
                .filter(service -> service.process().name().startsWith(PipelineServices.API_SERVICE))
                .findFirst()
                .orElseThrow();
        return new ApiClient(
                URI.create("http://127.0.0.1:" + api.process().httpPort()),
                settings.app(BENCH_APP).token());
    }

    LocalCloudInfo cloud() {
        return localCloud.info();
    }

    List<Service> services() {
        return services;
    }

    StatusUsers statusUsers() {
        return statusUsers;
    }

    /** The HTTP ports of the status-service instances. */
    List<Integer> statusPorts() {
        return statusPortsOf(services);
    }

    private static List<Integer> statusPortsOf(List<Service> services) {
        return services.stream()
                .map(Service::process)
                .filter(process -> process.name().startsWith(PipelineServices.STATUS_SERVICE))
                .map(ServiceProcess::httpPort)
                .toList();
    }

    static boolean isStatusService(ServiceLaunch launch) {
        return launch.name().startsWith(PipelineServices.STATUS_SERVICE + "-");
    }

    /** CPU time and peak RSS of each service, read now: call it once the burst is over, before {@link #stop}. */
    Map<String, ProcessUsage> usage() {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        services.forEach(
                s -> usage.put(s.process().name(), ProcessUsage.of(s.process().pid())));
        usage.put("local-cloud", ProcessUsage.of(localCloud.pid()));
        return usage;
    }

    /**
     * Stops each service and starts it again, one at a time, timing the new start: a replica joining a Rainmaker that
     * has been running, as after a crash, in a rolling deploy or when scaling out. A first start on a freshly started
     * local cloud also pays for the broker's and the stand-in's own first requests (their JIT is still cold), which a
     * running cluster has long paid.
     */
    void restartEach(Consumer<String> report) {
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            service.process().close(SHUTDOWN_TIMEOUT);
            Instant startedAt = Instant.now();
            ServiceProcess restarted = service.process().restart();
            // Held before it is ready, so that stop() stops it if it never gets there.
            services.set(i, new Service(restarted, service.firstStart(), Optional.empty()));
            restarted.awaitReady(START_TIMEOUT);
            Duration restart = Duration.between(startedAt, Instant.now());
            services.set(i, new Service(restarted, service.firstStart(), Optional.of(restart)));
            report.accept(
                    String.format("%s restarted, ready after %.1f s", restarted.name(), restart.toMillis() / 1000.0));
        }
    }

    /** Stops the services, then the local cloud; returns what the local cloud served. */
    LocalCloudRecord stop() {
        processesOf(services).forEach(ServiceProcess::stopSoon);
        processesOf(services).forEach(ServiceProcess::close);
        return localCloud.stop(recordFile(stateDirectory, "local-cloud"));
    }

    private static List<ServiceProcess> processesOf(List<Service> services) {
        return services.stream().map(Service::process).toList();
    }

    /**
     * A fresh local cloud with the benchmark's boot delay and limits, recording what it serves to
     * {@link #recordFile}.
     */
    static LocalCloudProcess startLocalCloud(Path stateDirectory, String name, BenchOptions options) {
        Path recordFile = recordFile(stateDirectory, name);
        try {
            Files.deleteIfExists(recordFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalCloudProcess.start(
                stateDirectory,
                name,
                List.of(
                        "--kafka-port",
                        "0",
                        "--boot-delay",
                        options.bootDelay().toMillis() + "ms",
                        "--do-limits",
                        options.doLimits(),
                        "--record",
                        recordFile.toString()),
                "1g",
                START_TIMEOUT);
    }

    static Path recordFile(Path stateDirectory, String localCloudName) {
        return stateDirectory.resolve(localCloudName + "-record.txt");
    }
}
