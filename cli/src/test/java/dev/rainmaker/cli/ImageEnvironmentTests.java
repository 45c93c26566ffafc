package dev.rainmaker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageEnvironmentTests {

    @Test
    void propertiesGoInJavaOptsAppendAndTheFilesTheyNameAreCopiedForTheContainerToReadAsItsOwnUser(
            @TempDir Path directory) throws IOException {
        Path key = Files.writeString(directory.resolve("provisioning-key"), "a key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path users = Files.writeString(directory.resolve("users.properties"), "users");
        ServiceLaunch launch = launch(Map.of(
                "rainmaker.ssh.private-key-file", key.toString(),
                "quarkus.config.locations", users.toUri().toString(),
                "quarkus.http.port", "8080"));
        Path secrets = directory.resolve("secrets");

        Map<String, String> environment = ImageEnvironment.of(launch, secrets, List.of("-Xlog:aot=info"));

        assertThat(environment).containsEntry("DIGITALOCEAN_TOKEN", "a token");
        assertThat(environment.get("JAVA_OPTS_APPEND").split(" "))
                .containsExactlyInAnyOrder(
                        "-Drainmaker.ssh.private-key-file=/run/secrets/rainmaker/provisioning-key",
                        "-Dquarkus.config.locations=file:/run/secrets/rainmaker/users.properties",
                        "-Dquarkus.http.port=8080",
                        "-Xlog:aot=info");
        assertThat(environment.get("JAVA_OPTS_APPEND")).endsWith("-Xlog:aot=info");
        assertThat(secrets.resolve("provisioning-key")).hasContent("a key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("provisioning-key"))))
                .as("readable by the container's group (0) and its owner, by no other user of the machine")
                .isEqualTo("r--r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rwxr-x---");
        assertThat(secrets.resolve("users.properties")).hasContent("users");
    }

    @Test
    void anOptionWithASpaceIsRefusedForJavaOptsAppendWouldSplitIt(@TempDir Path directory) {
        ServiceLaunch launch = launch(Map.of("rainmaker.app.name", "two words"));

        assertThatThrownBy(() -> ImageEnvironment.of(launch, directory.resolve("secrets"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rainmaker.app.name=two words");
    }

    private static ServiceLaunch launch(Map<String, String> properties) {
        return new ServiceLaunch(
                "droplet-service-1",
                List.of("-jar", "quarkus-run.jar"),
                properties,
                Map.of("DIGITALOCEAN_TOKEN", "a token"),
                Path.of("droplet-service-1.log"),
                8080);
    }
}
