package dev.rainmaker.localcloud.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The services Prometheus scrapes, as a {@code file_sd_configs} targets file that whoever starts the services writes
 * as they start: one target per service instance, labelled {@code job} = the service's name and {@code instance} =
 * the instance's name. The file is replaced whole (written aside, then moved), so Prometheus never reads half of it.
 */
public final class ScrapeTargets {

    private record Target(String job, String address) {}

    private final Path file;
    private final Map<String, Target> byInstance = new LinkedHashMap<>();

    private ScrapeTargets(Path file) {
        this.file = file;
    }

    /** Targets written to {@code file}, starting with none. */
    public static ScrapeTargets in(Path file) {
        ScrapeTargets targets = new ScrapeTargets(file);
        targets.write();
        return targets;
    }

    /** Scrapes {@code instance} of service {@code job} at {@code 127.0.0.1:httpPort} (its {@code /q/metrics}). */
    public synchronized void add(String job, String instance, int httpPort) {
        byInstance.put(instance, new Target(job, "127.0.0.1:" + httpPort));
        write();
    }

    private void write() {
        JsonArray groups = new JsonArray();
        byInstance.forEach((instance, target) -> groups.add(new JsonObject()
                .put("targets", new JsonArray().add(target.address()))
                .put("labels", new JsonObject().put("job", target.job()).put("instance", instance))));
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".targets", ".tmp");
            Files.writeString(temporary, groups.encodePrettily());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the scrape targets " + file, e);
        }
    }
}
