package dev.rainmaker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.rainmaker.localcloud.Directories;
import dev.rainmaker.localcloud.LocalCloudInfo;

/**
 * Trains each service image's AOT cache on the image itself: runs the image once against a local cloud of its own
 * with {@code -XX:AOTCacheOutput}, waits until it is ready, stops it (the JVM writes the cache as it exits, on the
 * image's own JDK, with the jars where they sit in the image), and builds the image again with the cache in it
 * ({@code deploy/images/Containerfile.aot}), under the same name.
 */
final class ImageTraining {

    private static final Duration CLOUD_START = Duration.ofMinutes(2);
    private static final Duration READY = Duration.ofMinutes(2);
    /**
     * The JVM assembles the cache as it exits, which takes longer than a plain stop: seconds alone, but more than a
     * minute for six at once on two cores busy with other builds (load ~20), when SIGKILL lost every cache.
     */
    private static final Duration STOP_GRACE = Duration.ofMinutes(3);

    private static final String CACHE = "app.aot";

    private ImageTraining() {}

    /** {@code images}: service name to image name, each of them built already (deploy/images/build.sh). */
    static void train(Path repository, Map<String, String> images, Consumer<String> report) {
        Path state = repository.resolve(".rainmaker").resolve("images");
        Path logs = state.resolve("logs");
        report.accept("training each image's AOT cache in it, against a local cloud (about a minute) ...");
        LocalCloudProcess cloud =
                LocalCloudProcess.start(state, "local-cloud", List.of("--kafka-port", "0"), "768m", CLOUD_START);
        try {
            Map<String, Path> caches = new LinkedHashMap<>();
            List<PodmanContainer> training = new ArrayList<>();
            try {
                images.forEach((service, image) -> {
                    Path cache = Directories.emptied(state.resolve("aot").resolve(service));
                    caches.put(service, cache);
                    training.add(PodmanContainer.start(
                            launch(repository, cloud.info(), logs, service),
                            image,
                            Directories.emptied(state.resolve("secrets").resolve(service)),
                            List.of("-XX:AOTCacheOutput=/aot/" + CACHE),
                            List.of(cache + ":/aot:U")));
                });
                training.forEach(container -> container.awaitReady(READY));
            } finally {
                if (!training.isEmpty()) {
                    PodmanContainer.stop(training, STOP_GRACE);
                }
            }
            for (PodmanContainer container : training) {
                String service = PipelineServices.serviceOf(container.launch());
                if (!Files.isRegularFile(caches.get(service).resolve(CACHE))) {
                    throw new IllegalStateException(
                            container.name() + " wrote no AOT cache; its log: " + container.logs());
                }
                container.remove();
                PodmanContainer.podman(
                        Duration.ofMinutes(5),
                        "build",
                        "--quiet",
                        "--file",
                        repository.resolve("deploy/images/Containerfile.aot").toString(),
                        "--build-arg",
                        "IMAGE=" + images.get(service),
                        "--build-arg",
                        "SERVICE=" + service,
                        "--tag",
                        images.get(service),
                        caches.get(service).toString());
                report.accept(images.get(service) + " with its AOT cache");
            }
        } finally {
            cloud.close();
        }
    }

    /**
     * The service's launch as a training run has it: api-service with an app and a status-service that exist for
     * the training only, status-service with its view in the container's {@code /tmp}.
     */
    private static ServiceLaunch launch(Path repository, LocalCloudInfo cloud, Path logs, String service) {
        ServiceLaunch launch = PipelineServices.launch(repository, cloud, logs, service, 1);
        return switch (service) {
            case PipelineServices.API_SERVICE -> ApiSettings.forTraining().applyTo(launch);
            case PipelineServices.STATUS_SERVICE -> launch.withSystemProperty("kafka-streams.state.dir", "/tmp/view");
            default -> launch;
        };
    }
}
