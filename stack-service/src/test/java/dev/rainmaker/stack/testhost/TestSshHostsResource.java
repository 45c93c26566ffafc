package dev.rainmaker.stack.testhost;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.Map;

import dev.rainmaker.localcloud.hosts.model.StackCommands;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * Two simulated hosts on the same SSH port: a healthy one on 127.0.0.1 and one on 127.0.0.2 whose memcached cannot
 * bind its port. The provisioning key is written to a file in OpenSSH format, as operators provide it.
 */
public class TestSshHostsResource implements QuarkusTestResourceLifecycleManager {

    public static TestSshHost healthy;
    public static TestSshHost memcachedCannotBind;

    private Path keyDir;

    @Override
    public Map<String, String> start() {
        try {
            KeyPair provisioning = TestSshHost.ecKeyPair();
            keyDir = Files.createTempDirectory("stack-service-test-key");
            Path keyFile = keyDir.resolve("id_ecdsa");
            try (OutputStream out = Files.newOutputStream(keyFile)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                        provisioning, "rainmaker-test", (OpenSSHKeyEncryptionContext) null, out);
            }
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

            healthy = TestSshHost.start("127.0.0.1", 0, provisioning.getPublic());
            memcachedCannotBind = TestSshHost.start("127.0.0.2", healthy.port(), provisioning.getPublic());
            memcachedCannotBind.state.settings.put(StackCommands.FAULT_CANNOT_BIND + "memcached", "true");

            return Map.of(
                    "rainmaker.ssh.port", Integer.toString(healthy.port()),
                    "rainmaker.ssh.private-key-file", keyFile.toString(),
                    "rainmaker.ssh.connect-budget", "PT5S",
                    "rainmaker.stack.verify-attempts", "2",
                    "rainmaker.stack.verify-pause", "PT0.1S");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test SSH hosts", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (healthy != null) {
                healthy.close();
            }
            if (memcachedCannotBind != null) {
                memcachedCannotBind.close();
            }
            if (keyDir != null) {
                try (var files = Files.walk(keyDir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test SSH hosts", e);
        }
    }
}
