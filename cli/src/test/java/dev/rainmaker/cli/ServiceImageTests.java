package dev.rainmaker.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The images run each JVM as ./rainmaker does: deploy/images/Containerfile must not drift from PipelineServices. */
class ServiceImageTests {

    private static final Path CONTAINERFILE = Path.of("../deploy/images/Containerfile");

    @Test
    void theImagesJvmOptionsAndEnvironmentAreThoseOfTheLocalRun() throws Exception {
        String containerfile = Files.readString(CONTAINERFILE);

        assertThat(containerfile).contains("JAVA_OPTS=\"" + String.join(" ", PipelineServices.JVM_OPTIONS) + "\"");
        PipelineServices.JVM_ENVIRONMENT.forEach(
                (variable, value) -> assertThat(containerfile).contains(variable + "=" + value));
    }
}
