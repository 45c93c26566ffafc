package dev.rainmaker.droplet.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.rainmaker.localcloud.digitalocean.DigitalOceanStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** local-cloud's DigitalOcean stand-in for a {@code @QuarkusTest}, and a provisioning public key file. */
public class DigitalOceanTestResource implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "dop_v1_droplet_service_test";
    static final String PROVISIONING_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEo3fyukwAIqkxWJCFBqJXyk4X+dVeYbtqcJka/kGNw0 rainmaker-provisioning";

    private DigitalOceanStandIn standIn;

    @Override
    public Map<String, String> start() {
        standIn = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofSeconds(1))
                .hostProvider(new LoopbackTestHosts())
                .build()
                .start();
        return Map.of(
                "rainmaker.droplet.api-url", standIn.baseUrl(),
                "rainmaker.droplet.token", TOKEN,
                "rainmaker.droplet.provisioning-public-key-file",
                        provisioningKeyFile().toString());
    }

    private static Path provisioningKeyFile() {
        try {
            Path file = Files.createTempFile("rainmaker-provisioning-", ".pub");
            file.toFile().deleteOnExit();
            return Files.writeString(file, PROVISIONING_KEY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
