package dev.rainmaker.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.LocalCloudRecord;

/**
 * The local cloud and one or two instances of each service as processes, for the benchmark: started as the demo
 * starts them, with the start time of each service and, just before they stop, the CPU time and peak RSS of each.
 * Stopping the local cloud makes it write what it served ({@link LocalCloudRecord}).
 */
final class PipelineRun {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final ServiceProcess localCloud;
    private final LocalCloudInfo cloud;
    private final List<Service> services;
    private final Path recordFile;

    /** A running service: its process, its pid (for /proc) and how long it took to answer ready. */
    record Service(ServiceProcess process, long pid, Duration startTime) {}

    private PipelineRun(ServiceProcess localCloud, LocalCloudInfo cloud, List<Service> services, Path recordFile) {
        this.localCloud = localCloud;
        this.cloud = cloud;
        this.services = services;
        this.recordFile = recordFile;
    }

    static PipelineRun start(Path repository, Path stateDirectory, BenchOptions options, Consumer<String> report) {
        Path logs = stateDirectory.resolve("logs");
        Path infoFile = stateDirectory.resolve("local-cloud.properties");
        Path recordFile = stateDirectory.resolve("local-cloud-record.txt");
        try {
            Files.createDirectories(logs);
            Files.deleteIfExists(infoFile);
            Files.deleteIfExists(recordFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.accept("starting the local cloud; log: " + logs.resolve("local-cloud.log"));
        ServiceProcess localCloud = ServiceProcess.start(new ServiceLaunch(
                "local-cloud",
                List.of(
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.rainmaker.localcloud.LocalCloudMain",
                        "--state-dir",
                        stateDirectory.toString(),
                        "--kafka-port",
                        "0",
                        "--boot-delay",
                        options.bootDelay().toMillis() + "ms",
                        "--do-limits",
                        options.doLimits(),
                        "--record",
                        recordFile.toString()),
                Map.of("java.util.logging.manager", "org.jboss.logmanager.LogManager"),
                Map.of(),
                logs.resolve("local-cloud.log"),
                0));
        List<Service> services = new ArrayList<>();
        try {
            LocalCloudInfo cloud = awaitInfo(localCloud, infoFile);
            report.accept("local cloud up: " + cloud);
            Map<ServiceLaunch, Instant> started = new LinkedHashMap<>();
            Map<ServiceLaunch, ServiceProcess> processes = new HashMap<>();
            for (int instance = 1; instance <= options.instances(); instance++) {
                for (ServiceLaunch launch : PipelineServices.launches(repository, cloud, logs, instance)) {
                    ServiceLaunch withShare = shareRateBudget(launch, options.instances());
                    started.put(withShare, Instant.now());
                    processes.put(withShare, ServiceProcess.start(withShare));
                }
            }
            Map<ServiceLaunch, Duration> startTimes = new ConcurrentHashMap<>();
            List<Thread> waiters = new ArrayList<>();
            started.forEach((launch, at) -> waiters.add(Thread.ofVirtual().start(() -> {
                processes.get(launch).awaitReady(START_TIMEOUT);
                startTimes.put(launch, Duration.between(at, Instant.now()));
            })));
            for (Thread waiter : waiters) {
                waiter.join();
            }
            for (ServiceLaunch launch : started.keySet()) {
                ServiceProcess process = processes.get(launch);
                Duration startTime = startTimes.get(launch);
                if (startTime == null) {
                    throw new IllegalStateException(launch.name() + " did not start; see " + launch.logFile());
                }
                services.add(new Service(process, pidOf(launch), startTime));
                report.accept(String.format(
                        "%s ready after %.1f s; log: %s",
                        launch.name(), startTime.toMillis() / 1000.0, launch.logFile()));
            }
            return new PipelineRun(localCloud, cloud, services, recordFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processesOf(services).forEach(ServiceProcess::close);
            localCloud.close();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (RuntimeException e) {
            ProcessHandle.current().children().forEach(ProcessHandle::destroy);
            localCloud.close();
            throw e;
        }
    }

    LocalCloudInfo cloud() {
        return cloud;
    }

    List<Service> services() {
        return services;
    }

    /** CPU time and peak RSS of each service, read now: call it once the burst is over, before {@link #stop}. */
    Map<String, ProcessUsage> usage() {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        services.forEach(s -> usage.put(s.process().name(), ProcessUsage.of(s.pid())));
        return usage;
    }

    /** Stops the services, then the local cloud; returns what the local cloud served. */
    LocalCloudRecord stop() {
        processesOf(services).forEach(ServiceProcess::stopSoon);
        processesOf(services).forEach(ServiceProcess::close);
        localCloud.close();
        if (!Files.exists(recordFile)) {
            throw new IllegalStateException(
                    "the local cloud did not write " + recordFile + "; see " + localCloud.logFile());
        }
        return LocalCloudRecord.readFrom(recordFile);
    }

    private static List<ServiceProcess> processesOf(List<Service> services) {
        return services.stream().map(Service::process).toList();
    }

    /** Instances of droplet-service share the token's rate budget; each is told how many there are. */
    private static ServiceLaunch shareRateBudget(ServiceLaunch launch, int instances) {
        if (!launch.name().startsWith("droplet-service")) {
            return launch;
        }
        Map<String, String> properties = new HashMap<>(launch.systemProperties());
        properties.put("rainmaker.droplet.rate-limit.instances", String.valueOf(instances));
        return new ServiceLaunch(
                launch.name(),
                launch.javaArguments(),
                properties,
                launch.environment(),
                launch.logFile(),
                launch.httpPort());
    }

    /** The child process started for {@code launch}: the one given its HTTP port (ServiceProcess keeps its own). */
    private static long pidOf(ServiceLaunch launch) {
        String portArgument = "-Dquarkus.http.port=" + launch.httpPort();
        return ProcessHandle.current()
                .children()
                .filter(child -> child.info()
                        .arguments()
                        .map(args -> List.of(args).contains(portArgument))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cannot find the process of " + launch.name()))
                .pid();
    }

    private static LocalCloudInfo awaitInfo(ServiceProcess localCloud, Path infoFile) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(infoFile)) {
            if (!localCloud.isAlive()) {
                throw new IllegalStateException("the local cloud stopped while starting; see " + localCloud.logFile());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the local cloud did not start in time; see " + localCloud.logFile());
            }
            sleep(Duration.ofMillis(100));
        }
        return LocalCloudInfo.readFrom(infoFile);
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
