package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import dev.rainmaker.cli.ApiSettings;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.localcloud.Directories;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;

/**
 * The directory of secret files deploy/compose.yaml mounts ({@code RAINMAKER_SECRETS}), made for one run: a new
 * provisioning key, status-service's users, api-service's settings, a DigitalOcean token and SMTP settings of no real
 * account (the run points DigitalOcean and SMTP at the containers' own loopback). Readable by all, as
 * ImageEnvironment's copies are: the images' user owns nothing on this machine, and the directory is the run's own.
 */
record ComposeSecrets(Path directory) {

    static ComposeSecrets write(Path directory, String digitalOceanToken, StatusUsers users, ApiSettings api) {
        Directories.emptied(directory);
        ProvisioningKey.createOrReuse(directory);
        writeFile(directory.resolve("digitalocean.properties"), "rainmaker.droplet.token=" + digitalOceanToken + "\n");
        writeFile(directory.resolve("smtp.properties"), "quarkus.mailer.start-tls=DISABLED\n");
        users.write(directory.resolve("status-users.properties"));
        api.write(directory.resolve("api-settings.properties"));
        readableByAll(directory);
        return new ComposeSecrets(directory);
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void readableByAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + directory + " readable", e);
        }
    }
}
