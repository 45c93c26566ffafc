package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.digitalocean.StandInDroplet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets of a run that must never leave where they live: the DigitalOcean token, the provisioning private key,
 * each droplet's host key and its database password. Each by what it is, for assertion messages.
 */
final class PipelineSecrets {

    private static final String DATABASE_PASSWORD_FILE = "/etc/rainmaker/db-password";

    private PipelineSecrets() {}

    /** The run's secrets so far: the droplets' are read from each droplet created, whose stack must be installed. */
    static Map<String, String> of(LocalCloud cloud) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the DigitalOcean token", cloud.info().digitalOceanToken());
        try {
            privateKeyLines(Files.readString(cloud.info().provisioningPrivateKey()))
                    .forEach(line -> secrets.put("the provisioning private key", line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (StandInDroplet droplet : cloud.digitalOcean().droplets()) {
            privateKeyLines(droplet.userData())
                    .forEach(line -> secrets.put("droplet " + droplet.id() + "'s host key", line));
            String password = cloud.hosts().host(droplet.id()).state().files.get(DATABASE_PASSWORD_FILE);
            if (password != null) {
                secrets.put("droplet " + droplet.id() + "'s database password", password.strip());
            }
        }
        return secrets;
    }

    /** Fails naming the secret and the place when any secret appears in any of {@code places} (name to text). */
    static void assertNoneIn(Map<String, String> secrets, Map<String, String> places) {
        secrets.forEach((what, secret) -> places.forEach((where, text) -> assertThat(text.contains(secret))
                .as("%s appears in %s", what, where)
                .isFalse()));
    }

    private static List<String> privateKeyLines(String text) {
        List<String> lines = new ArrayList<>();
        boolean inKey = false;
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith("-----BEGIN") && line.contains("PRIVATE KEY")) {
                inKey = true;
            } else if (line.startsWith("-----END")) {
                inKey = false;
            } else if (inKey && line.length() >= 16) {
                lines.add(line);
            }
        }
        assertThat(lines).as("private key lines found").isNotEmpty();
        return lines;
    }
}
