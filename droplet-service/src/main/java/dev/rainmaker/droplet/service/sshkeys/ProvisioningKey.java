package dev.rainmaker.droplet.service.sshkeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.events.signup.OpenSshPublicKey;

/** The provisioning SSH public key every droplet authorises for root, read from its file when needed. */
@ApplicationScoped
public class ProvisioningKey {

    private final Path file;

    @Inject
    ProvisioningKey(DropletConfig config) {
        this(config.provisioningPublicKeyFile());
    }

    public ProvisioningKey(Path file) {
        this.file = file;
    }

    public OpenSshPublicKey read() {
        String line;
        try {
            line = Files.readString(file).strip();
        } catch (IOException e) {
            throw new PermanentFailure("the provisioning public key file " + file
                    + " (rainmaker.droplet.provisioning-public-key-file) cannot be read: " + e);
        }
        try {
            return OpenSshPublicKey.parse(line);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("the provisioning public key file " + file
                    + " does not hold one OpenSSH public key: " + e.getMessage());
        }
    }
}
