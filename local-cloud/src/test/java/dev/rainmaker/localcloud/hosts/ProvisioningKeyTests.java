package dev.rainmaker.localcloud.hosts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningKeyTests {

    @TempDir
    Path dir;

    @Test
    void writesAPrivateKeyOnlyItsOwnerCanReadAndAMatchingPublicLine() throws Exception {
        ProvisioningKey key = ProvisioningKey.createOrReuse(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKeyFile())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(key.privateKeyFile())).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(key.publicKeyLine()).startsWith("ecdsa-sha2-nistp256 ").endsWith(" rainmaker-provisioning");
        var publicKey = PublicKeyEntry.parsePublicKeyEntry(key.publicKeyLine())
                .resolvePublicKey(null, java.util.Map.of(), PublicKeyEntryResolver.FAILING);
        assertThat(KeyUtils.compareKeys(
                        publicKey, SshTestClient.load(key.privateKeyFile()).getPublic()))
                .isTrue();
    }

    @Test
    void reusesAnExistingKey() {
        ProvisioningKey first = ProvisioningKey.createOrReuse(dir);
        ProvisioningKey second = ProvisioningKey.createOrReuse(dir);

        assertThat(second.publicKeyLine()).isEqualTo(first.publicKeyLine());
    }
}
