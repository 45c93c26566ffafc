package dev.rainmaker.hostaccess.ssh;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningKeyFileTests {

    @TempDir
    Path dir;

    @Test
    void loadsAnOpenSshPrivateKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = ec.generateKeyPair();
        Path file = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                    pair, "test", (OpenSSHKeyEncryptionContext) null, out);
        }

        assertThat(key(file).keyPairs())
                .singleElement()
                .satisfies(loaded -> assertThat(KeyUtils.compareKeys(loaded.getPublic(), pair.getPublic()))
                        .isTrue());
    }

    @Test
    void loadsAPkcs8PemPrivateKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        Path file = dir.resolve("key.pem");
        Files.writeString(
                file,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");

        assertThat(key(file).keyPairs()).hasSize(1);
    }

    @Test
    void saysWhyAFileIsNoKeyWithoutShowingItsContent() throws Exception {
        Path file = dir.resolve("garbage");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXN0dWZm\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> key(file).keyPairs())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("c2VjcmV0LXN0dWZm");
        assertThatThrownBy(() -> key(dir.resolve("missing")).keyPairs())
                .hasMessageContaining("is missing or unreadable");
    }

    private static ProvisioningKeyFile key(Path file) {
        return new ProvisioningKeyFile(file);
    }
}
