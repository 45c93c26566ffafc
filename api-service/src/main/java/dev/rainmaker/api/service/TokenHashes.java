package dev.rainmaker.api.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which app a bearer token belongs to: its SHA-256 compared with every configured digest in constant time, the digests
 * decoded once at start-up. Tokens are never kept or logged.
 */
public final class TokenHashes {

    private record Known(byte[] digest, String app) {}

    private final List<Known> known = new ArrayList<>();

    /** @param digestsByApp each app's hex SHA-256 token digests (more than one while a token is rotated) */
    public TokenHashes(Map<String, List<String>> digestsByApp) {
        digestsByApp.forEach((app, digests) -> digests.forEach(
                hex -> known.add(new Known(HexFormat.of().parseHex(hex.trim().toLowerCase()), app))));
    }

    public Optional<String> appOf(String token) {
        byte[] digest = sha256(token);
        String found = null;
        // No early exit: every digest is compared, so timing says nothing about which one matched.
        for (Known candidate : known) {
            if (MessageDigest.isEqual(candidate.digest(), digest)) {
                found = candidate.app();
            }
        }
        return Optional.ofNullable(found);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
