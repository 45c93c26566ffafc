package dev.rainmaker.api.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Rainmaker-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}. The time
 * is signed with the body, so a receiver that rejects old {@code t} cannot be replayed a captured request.
 */
public final class WebhookSigner {

    public static final String HEADER = "Rainmaker-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {}

    public static String signature(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds, body);
    }

    static String hmacHex(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Neither message names the key; the exception is dropped all the same, so nothing of it can leak.
            throw new IllegalStateException("cannot compute " + ALGORITHM + " on this JVM");
        }
    }
}
