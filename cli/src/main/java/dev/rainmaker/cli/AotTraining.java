package dev.rainmaker.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.rainmaker.localcloud.LocalCloudInfo;

/**
 * Trains the AOT cache of each service whose cache is missing or stale ({@link AotCache}): starts those services
 * together against the local cloud, waits until each is ready and stops them; each JVM writes its cache as it exits.
 * This happens once per build, before the services start for real. A service whose training wrote no cache starts
 * without one, only slower.
 */
public final class AotTraining {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Writing a cache at exit took 9 s on an idle two-core machine; four write at once here. */
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(3);

    private AotTraining() {}

    public static void trainStale(Path repository, LocalCloudInfo cloud, Path logDirectory, Consumer<String> report) {
        trainStale(repository, cloud, logDirectory, PipelineServices.NAMES, report);
    }

    /** The same for the named services (of {@link PipelineServices#ALL}). */
    public static void trainStale(
            Path repository, LocalCloudInfo cloud, Path logDirectory, List<String> names, Consumer<String> report) {
        Map<String, AotCache> stale = new LinkedHashMap<>();
        for (String name : names) {
            PipelineServices.aotCache(repository, name)
                    .filter(cache -> !cache.isCurrent())
                    .ifPresent(cache -> stale.put(name, cache));
        }
        if (stale.isEmpty()) {
            return;
        }
        report.accept("training the AOT caches that make " + String.join(", ", stale.keySet())
                + " start faster (once a build, about 30 s); logs: " + logDirectory + "/*-aot-training.log");
        Map<AotCache, ServiceProcess> training = new LinkedHashMap<>();
        try {
            stale.forEach((name, cache) -> training.put(
                    cache,
                    ServiceProcess.start(
                            PipelineServices.trainingLaunch(repository, cloud, logDirectory, name, cache))));
            training.values().forEach(process -> process.awaitReady(READY_TIMEOUT));
        } finally {
            training.values().forEach(ServiceProcess::stopSoon);
            training.values().forEach(process -> process.close(WRITE_TIMEOUT));
        }
        training.forEach((cache, process) -> {
            if (!cache.keepTrained()) {
                report.accept(process.name() + " wrote no AOT cache; the service starts without one; see "
                        + process.logFile());
            }
        });
    }
}
