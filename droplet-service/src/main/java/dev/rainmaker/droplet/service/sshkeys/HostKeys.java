package dev.rainmaker.droplet.service.sshkeys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

import dev.rainmaker.droplet.domain.HostKey;

/**
 * Generates the SSH host key of a droplet (EC P-256) and writes it as OpenSSH and cloud-init expect it; derives the
 * fingerprint OpenSSH prints ({@code SHA256:} + unpadded base64) from the key or from the droplet's hostkey tag.
 */
public final class HostKeys {

    static final String KEY_TYPE = "ecdsa-sha2-nistp256";
    private static final String CURVE = "nistp256";
    private static final int COORDINATE_BYTES = 32;

    private HostKeys() {}

    public static HostKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            byte[] blob = publicKeyBlob((ECPublicKey) pair.getPublic());
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(blob);
            return new HostKey(
                    pem(pair.getPrivate().getEncoded()),
                    KEY_TYPE + " " + Base64.getEncoder().encodeToString(blob) + " rainmaker-host",
                    HexFormat.of().formatHex(sha256),
                    fingerprint(sha256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate EC P-256 keys", e);
        }
    }

    /** The SSH wire form of the public key: string type, string curve, string Q (0x04 || X || Y). */
    static byte[] publicKeyBlob(ECPublicKey key) {
        byte[] point = new byte[1 + 2 * COORDINATE_BYTES];
        point[0] = 0x04;
        unsigned(key.getW().getAffineX(), point, 1);
        unsigned(key.getW().getAffineY(), point, 1 + COORDINATE_BYTES);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        writeString(blob, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
        writeString(blob, CURVE.getBytes(StandardCharsets.US_ASCII));
        writeString(blob, point);
        return blob.toByteArray();
    }

    /** {@code SHA256:<base64>} from the hex SHA-256 a droplet's {@code rainmaker-hostkey-} tag carries. */
    public static String fingerprintFromHex(String sha256Hex) {
        byte[] sha256 = HexFormat.of().parseHex(sha256Hex);
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
        }
        return fingerprint(sha256);
    }

    private static String fingerprint(byte[] sha256) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256);
    }

    private static void unsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, target, offset + COORDINATE_BYTES - length, length);
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static String pem(byte[] pkcs8) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8);
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
