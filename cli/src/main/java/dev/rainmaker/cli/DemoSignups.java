package dev.rainmaker.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.SignupReceived;

/** Sign-ups as a SaaS app would publish them, for the demo and the benchmarks. */
public final class DemoSignups {

    private static final List<String> TIMEZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo");
    private static final List<String> NAMES = List.of("Ada Lovelace", "Grace Hopper", "Katherine Johnson");
    private static final List<String> LOGINS = List.of("ada", "grace", "katherine");

    private DemoSignups() {}

    /** {@code count} sign-ups whose customer ids start with {@code prefix}, each with one admin user named after them. */
    public static List<SignupReceived> create(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new SignupReceived(
                        prefix + "-" + i,
                        "owner-" + i + "@" + prefix + ".example",
                        NAMES.get((i - 1) % NAMES.size()),
                        "starter",
                        TIMEZONES.get((i - 1) % TIMEZONES.size()),
                        List.of(new AdminUser(
                                LOGINS.get((i - 1) % LOGINS.size()),
                                ed25519PublicKey(LOGINS.get((i - 1) % LOGINS.size()) + "@" + prefix + "-" + i)))))
                .toList();
    }

    /** A fresh Ed25519 public key as one OpenSSH line; the private half is thrown away. */
    static String ed25519PublicKey(String comment) {
        try {
            byte[] x509 = KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPublic()
                    .getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + raw.length);
            blob.putInt(type.length).put(type).putInt(raw.length).put(raw);
            return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array()) + " " + comment;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }
}
