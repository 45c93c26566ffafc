package dev.rainmaker.status.security;

import java.io.Console;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Bcrypt password hashes for {@code rainmaker.status.users.<name>.password-hash}. Apache's {@code htpasswd -nbB user
 * password} writes {@code $2y$}, PHP's and OpenBSD's {@code $2b$}, the JDK-side libraries {@code $2a$}: the same
 * algorithm for every password without non-ASCII quirks, so all three are accepted.
 *
 * <p>To make a hash without echoing the password: {@code java -cp 'status-service/target/quarkus-app/lib/main/*'
 * dev.rainmaker.status.security.PasswordHashes} (it asks twice), or {@code htpasswd -nbB ops 'password' | cut -d: -f2}.
 */
public final class PasswordHashes {

    private static final int COST = 10;

    private PasswordHashes() {}

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static boolean matches(String password, String hash) {
        if (hash == null || hash.length() < 7 || !hash.startsWith("$2")) {
            return false;
        }
        String modular = hash.startsWith("$2y$") || hash.startsWith("$2b$") ? "$2a$" + hash.substring(4) : hash;
        try {
            return BcryptUtil.matches(password, modular);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        Console console = System.console();
        if (console == null) {
            System.err.println("needs a terminal, to read the password without echoing it");
            System.exit(2);
        }
        String password = new String(console.readPassword("password: "));
        if (!password.equals(new String(console.readPassword("again: ")))) {
            System.err.println("the two passwords differ");
            System.exit(1);
        }
        System.out.println(hash(password));
    }
}
