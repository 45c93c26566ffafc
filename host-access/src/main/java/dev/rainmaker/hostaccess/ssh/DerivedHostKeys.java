package dev.rainmaker.hostaccess.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.hostaccess.FinalHostKey;
import dev.rainmaker.hostaccess.FinalHostKeys;
import net.i2p.crypto.eddsa.EdDSAPrivateKey;
import net.i2p.crypto.eddsa.EdDSAPublicKey;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import net.i2p.crypto.eddsa.spec.EdDSAParameterSpec;
import net.i2p.crypto.eddsa.spec.EdDSAPrivateKeySpec;
import net.i2p.crypto.eddsa.spec.EdDSAPublicKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Each droplet's final host key (Ed25519), derived from the provisioning key: seed = HMAC-SHA256(key = the provisioning
 * private key's encoded bytes, message = {@value #CONTEXT} + droplet id). No new secret to keep (whoever holds the
 * provisioning key has root on every host anyway), and the same key again for a redelivered event.
 */
@ApplicationScoped
public class DerivedHostKeys implements FinalHostKeys {

    static final String CONTEXT = "rainmaker host key v1:";
    static final String COMMENT = "rainmaker-host";

    private final ProvisioningKeyFile key;

    public DerivedHostKeys(ProvisioningKeyFile key) {
        this.key = key;
    }

    @Override
    public FinalHostKey forDroplet(long dropletId) {
        byte[] secret = key.keyPairs().getFirst().getPrivate().getEncoded();
        if (secret == null || secret.length == 0) {
            throw new IllegalStateException(
                    "the provisioning key in " + key.file() + " cannot be encoded, so no host key can be derived");
        }
        try {
            return derive(secret, dropletId);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static FinalHostKey derive(byte[] secret, long dropletId) {
        byte[] seed = hmacSha256(secret, CONTEXT + dropletId);
        try {
            EdDSAParameterSpec ed25519 = EdDSANamedCurveTable.getByName(EdDSANamedCurveTable.ED_25519);
            EdDSAPrivateKeySpec privateKey = new EdDSAPrivateKeySpec(seed, ed25519);
            KeyPair pair = new KeyPair(
                    new EdDSAPublicKey(new EdDSAPublicKeySpec(privateKey.getA(), ed25519)),
                    new EdDSAPrivateKey(privateKey));
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, COMMENT, null, file);
            return new FinalHostKey(
                    PublicKeyEntry.toString(pair.getPublic()) + " " + COMMENT,
                    KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic()),
                    file.toByteArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the host key of droplet " + dropletId + " ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no HmacSHA256", e);
        }
    }
}
