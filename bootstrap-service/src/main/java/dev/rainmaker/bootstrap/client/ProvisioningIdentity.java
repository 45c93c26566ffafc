package dev.rainmaker.bootstrap.client;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Iterator;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.config.SshConfig;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/** The provisioning key pair, read from its file. Errors name the file, never its content. */
@ApplicationScoped
public class ProvisioningIdentity {

    private final Path file;
    private volatile KeyPair keyPair;

    public ProvisioningIdentity(SshConfig config) {
        this.file = config.privateKeyFile();
    }

    public KeyPair keyPair() {
        KeyPair loaded = keyPair;
        if (loaded == null) {
            loaded = load();
            keyPair = loaded;
        }
        return loaded;
    }

    public Path file() {
        return file;
    }

    private KeyPair load() {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> identities =
                    SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
            Iterator<KeyPair> first = identities == null ? null : identities.iterator();
            if (first == null || !first.hasNext()) {
                throw new IllegalStateException("the provisioning key file " + file + " holds no private key");
            }
            return first.next();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the provisioning key file " + file + " ("
                    + e.getClass().getSimpleName() + "): it must be an unencrypted OpenSSH or PEM private key");
        }
    }
}
