package dev.rainmaker.droplet.service.sshkeys;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HexFormat;

import dev.rainmaker.droplet.domain.HostKey;
import dev.rainmaker.droplet.service.TestKeys;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostKeysTests {

    @Test
    void theBlobOfAKeyMadeBySshKeygenIsEncodedByteForByteAsOpenSshDoes() throws Exception {
        PublicKey key = resolve(TestKeys.ECDSA_P256);

        byte[] blob = HostKeys.publicKeyBlob((ECPublicKey) key);

        assertThat(blob)
                .isEqualTo(Base64.getDecoder().decode(TestKeys.ECDSA_P256.split(" ")[1]));
    }

    @Test
    void theFingerprintFromAHostkeyTagIsTheOneSshKeygenPrints() throws Exception {
        byte[] blob = Base64.getDecoder().decode(TestKeys.ECDSA_P256.split(" ")[1]);
        String hex =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));

        assertThat(HostKeys.fingerprintFromHex(hex)).isEqualTo(TestKeys.ECDSA_P256_FINGERPRINT);
    }

    @Test
    void aGeneratedHostKeyHasTheFingerprintApacheSshdComputesForItsPublicLine() throws Exception {
        HostKey hostKey = HostKeys.generate();

        PublicKey parsed = resolve(hostKey.publicKeyLine());

        assertThat(hostKey.publicKeyLine())
                .startsWith("ecdsa-sha2-nistp256 AAAA")
                .endsWith(" rainmaker-host");
        assertThat(hostKey.fingerprint())
                .isEqualTo(KeyUtils.getFingerPrint(parsed))
                .matches("SHA256:[A-Za-z0-9+/]{43}");
        assertThat(HostKeys.fingerprintFromHex(hostKey.sha256Hex())).isEqualTo(hostKey.fingerprint());
        assertThat(hostKey.sha256Hex()).matches("[0-9a-f]{64}");
        assertThat(hostKey.privateKeyPem())
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(hostKey.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void everyGeneratedHostKeyIsNew() {
        assertThat(HostKeys.generate().fingerprint())
                .isNotEqualTo(HostKeys.generate().fingerprint());
    }

    private static PublicKey resolve(String line) throws Exception {
        return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
    }
}
