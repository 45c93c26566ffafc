package dev.rainmaker.events.signup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * One OpenSSH public key line, {@code <type> <base64 blob> [comment]}, whose blob names the same key type (and, for
 * ECDSA, the same curve) as the line.
 */
public record OpenSshPublicKey(String type, String base64Blob, Optional<String> comment) {

    static final Set<String> SUPPORTED_TYPES =
            Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    /** Parses {@code line}; fails with a message saying what is wrong with it (without repeating the key). */
    public static OpenSshPublicKey parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("the public key is empty");
        }
        if (line.strip().chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("the public key must be one line, but it holds a line break");
        }
        String[] fields = line.strip().split("\\s+", 3);
        if (fields.length < 2) {
            throw new IllegalArgumentException("the public key is not '<type> <base64 key> [comment]'");
        }
        String type = fields[0];
        if (!SUPPORTED_TYPES.contains(type)) {
            throw new IllegalArgumentException("key type '" + Printable.shorten(type) + "' is not one of "
                    + String.join(", ", SUPPORTED_TYPES.stream().sorted().toList()));
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + type + " key is not valid base64");
        }
        String embeddedType = firstString(blob)
                .orElseThrow(() -> new IllegalArgumentException("the " + type + " key's data is truncated"));
        if (!embeddedType.equals(type)) {
            throw new IllegalArgumentException(
                    "the key says it is " + type + " but its data is " + Printable.shorten(embeddedType));
        }
        if (type.startsWith("ecdsa-sha2-")) {
            String curve = secondString(blob).orElse("");
            if (!type.endsWith("-" + curve)) {
                throw new IllegalArgumentException(
                        "the " + type + " key's data names curve " + Printable.shorten(curve));
            }
        }
        return new OpenSshPublicKey(type, fields[1], fields.length == 3 ? Optional.of(fields[2]) : Optional.empty());
    }

    private static Optional<String> firstString(byte[] blob) {
        return readString(ByteBuffer.wrap(blob));
    }

    private static Optional<String> secondString(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        return readString(buffer).flatMap(first -> readString(buffer));
    }

    private static Optional<String> readString(ByteBuffer buffer) {
        if (buffer.remaining() < 4) {
            return Optional.empty();
        }
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining() || length > 64) {
            return Optional.empty();
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** The key as one line without its comment, or with it when the comment is plain enough for a YAML scalar. */
    public String toYamlSafeLine() {
        String keyOnly = type + " " + base64Blob;
        return comment.filter(c -> c.matches("[A-Za-z0-9@._+-]+( [A-Za-z0-9@._+-]+)*"))
                .map(c -> keyOnly + " " + c)
                .orElse(keyOnly);
    }
}
