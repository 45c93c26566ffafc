package dev.rainmaker.hostaccess.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.hostaccess.config.SshConfig;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The provisioning private key, read from its file (OpenSSH or PEM) by Apache SSHD's own loaders, once, when first
 * needed. Messages name the file, never its content.
 */
@ApplicationScoped
public class ProvisioningKeyFile {

    private final Path file;
    private volatile List<KeyPair> keyPairs;

    @Inject
    ProvisioningKeyFile(SshConfig config) {
        this(config.privateKeyFile());
    }

    public ProvisioningKeyFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** @throws IllegalStateException saying why the file yields no key (missing, unreadable, not a key, encrypted) */
    public List<KeyPair> keyPairs() {
        List<KeyPair> loaded = keyPairs;
        if (loaded == null) {
            loaded = load();
            keyPairs = loaded;
        }
        return loaded;
    }

    private List<KeyPair> load() {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("the provisioning private key file " + file + " is missing or unreadable");
        }
        List<KeyPair> loaded = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(
                    null, NamedResource.ofName(file.toString()), in, FilePasswordProvider.EMPTY);
            if (pairs != null) {
                pairs.forEach(loaded::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(
                    "the provisioning private key file " + file + " is not an unencrypted OpenSSH or PEM private key ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("the provisioning private key file " + file + " holds no private key");
        }
        return List.copyOf(loaded);
    }
}
