package dev.rainmaker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTests {

    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9-LTS");
    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx80m");
    private static final Instant BUILT = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path app;

    @BeforeEach
    void packagedService() throws IOException {
        Files.createDirectories(app.resolve("lib/main"));
        write(app.resolve("quarkus-run.jar"), BUILT);
        write(app.resolve("lib/main/service.jar"), BUILT);
    }

    @Test
    void aJdkOlderThan25HasNone() {
        assertThat(AotCache.of(app, OPTIONS, Runtime.Version.parse("21.0.5"))).isEmpty();
    }

    @Test
    void anotherJdkOrOtherJvmOptionsNameAnotherCache() {
        Path cache = AotCache.of(app, OPTIONS, JDK_25).orElseThrow().file();

        assertThat(cache.getParent()).isEqualTo(app);
        assertThat(cache.getFileName().toString())
                .startsWith("rainmaker-jdk-25.0.3+9-LTS-")
                .endsWith(".aot");
        assertThat(AotCache.of(app, OPTIONS, Runtime.Version.parse("25.0.4"))
                        .orElseThrow()
                        .file())
                .isNotEqualTo(cache);
        assertThat(AotCache.of(app, List.of("-Xmx80m"), JDK_25).orElseThrow().file())
                .isNotEqualTo(cache);
    }

    @Test
    void aCacheTrainedAfterTheBuildIsCurrentUntilAFileOfTheBuildChanges() throws IOException {
        AotCache cache = AotCache.of(app, OPTIONS, JDK_25).orElseThrow();
        assertThat(cache.isCurrent()).as("before training").isFalse();

        write(cache.file(), BUILT.plusSeconds(60));
        assertThat(cache.isCurrent()).as("trained after the build").isTrue();

        write(app.resolve("lib/main/service.jar"), BUILT.plusSeconds(120));
        assertThat(cache.isCurrent()).as("after a rebuild").isFalse();
    }

    @Test
    void whatTheTrainingRunWroteBecomesTheCacheAndReplacesCachesOfOtherJdks() throws IOException {
        AotCache old =
                AotCache.of(app, OPTIONS, Runtime.Version.parse("25.0.1")).orElseThrow();
        write(old.file(), BUILT.plusSeconds(60));
        AotCache cache = AotCache.of(app, OPTIONS, JDK_25).orElseThrow();
        Path written = Path.of(cache.trainOption().substring("-XX:AOTCacheOutput=".length()));
        assertThat(written.getParent()).isEqualTo(app);
        write(written, Instant.now());

        assertThat(cache.keepTrained()).isTrue();

        assertThat(cache.file()).exists();
        assertThat(written).doesNotExist();
        assertThat(old.file()).doesNotExist();
        assertThat(cache.isCurrent()).isTrue();
    }

    @Test
    void aTrainingRunThatWroteNothingLeavesNoCache() {
        AotCache cache = AotCache.of(app, OPTIONS, JDK_25).orElseThrow();

        assertThat(cache.keepTrained()).isFalse();
        assertThat(cache.file()).doesNotExist();
    }

    @Test
    void theServiceStartsFromTheCacheFile() {
        AotCache cache = AotCache.of(app, OPTIONS, JDK_25).orElseThrow();

        assertThat(cache.useOption()).isEqualTo("-XX:AOTCache=" + cache.file());
    }

    private static void write(Path file, Instant modified) throws IOException {
        Files.writeString(file, file.getFileName().toString());
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
