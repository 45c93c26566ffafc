package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service's AOT cache (JDK 25+, JEP 483, 514 and 515): the classes its start-up loads and links, with their
 * profiles, recorded by a training run that starts the service and stops it, then mapped from one file by every later
 * start. With the services packaged as aot-jar, it takes a start from about 2.6 s to about 1.1 s to ready
 * (docs/benchmarks.md). A cache holds for one build of the
 * service (the JVM checks the class path), one JDK and one set of JVM options: its file name says the JDK and the
 * options, and any file of the build newer than the cache makes it stale.
 *
 * @param file where the cache is, inside the service's {@code target/quarkus-app}
 */
public record AotCache(Path file) {

    static final int FIRST_JDK = 25;
    private static final String SUFFIX = ".aot";

    /** The cache for the service packaged in {@code appDirectory}; empty on a JDK without AOT caches. */
    public static Optional<AotCache> of(Path appDirectory, List<String> jvmOptions) {
        return of(appDirectory, jvmOptions, Runtime.version());
    }

    static Optional<AotCache> of(Path appDirectory, List<String> jvmOptions, Runtime.Version jdk) {
        if (jdk.feature() < FIRST_JDK) {
            return Optional.empty();
        }
        String options = HexFormat.of().toHexDigits(String.join(" ", jvmOptions).hashCode());
        return Optional.of(new AotCache(appDirectory.resolve("rainmaker-jdk-" + jdk + "-" + options + SUFFIX)));
    }

    /** Trained after every other file of the build was written. */
    public boolean isCurrent() {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        FileTime trained = modified(file);
        try (Stream<Path> build = Files.walk(file.getParent())) {
            return build.filter(Files::isRegularFile)
                    .filter(path -> !isCache(path))
                    .noneMatch(path -> modified(path).compareTo(trained) > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM option that starts a service from this cache. */
    public String useOption() {
        return "-XX:AOTCache=" + file;
    }

    /** The JVM option of a training run: the JVM writes the cache as it exits, see {@link #keepTrained()}. */
    public String trainOption() {
        return "-XX:AOTCacheOutput=" + trainingOutput();
    }

    /**
     * Makes what the training run wrote the cache, in one move, so that a training run killed while writing leaves no
     * cache that looks current; removes caches of other JDKs or options. False if the training run wrote nothing.
     */
    public boolean keepTrained() {
        if (!Files.isRegularFile(trainingOutput())) {
            return false;
        }
        try (Stream<Path> others = Files.list(file.getParent())) {
            for (Path other : others.filter(AotCache::isCache)
                    .filter(path -> !path.equals(trainingOutput()))
                    .toList()) {
                Files.deleteIfExists(other);
            }
            Files.move(trainingOutput(), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the AOT cache " + file, e);
        }
    }

    private Path trainingOutput() {
        return file.resolveSibling(file.getFileName() + ".training");
    }

    private static boolean isCache(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(SUFFIX) || name.endsWith(SUFFIX + ".training");
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
