package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * status-service's two users for one local run, {@value #VIEWER} (role viewer) and {@value #OPS} (role operator), each
 * with a random password made for the run. status-service is given only their bcrypt hashes, in a configuration file
 * of its own that only this user can read; the passwords are shown to the person who started the run, nowhere else.
 */
public record StatusUsers(String viewerPassword, String opsPassword) {

    public static final String VIEWER = "viewer";
    public static final String OPS = "ops";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BCRYPT_COST = 10;

    public static StatusUsers generate() {
        return new StatusUsers(randomPassword(), randomPassword());
    }

    /** The launch of a status-service instance with these users: their hashes in an owner-only file beside its log. */
    public ServiceLaunch applyTo(ServiceLaunch launch) {
        Path file = launch.logFile().resolveSibling(launch.name() + "-users.properties");
        write(file);
        return launch.withSystemProperty(
                "quarkus.config.locations", file.toUri().toString());
    }

    /** Writes the users as status-service configuration ({@code rainmaker.status.users.*}), hashes only. */
    public void write(Path file) {
        String config = user(VIEWER, viewerPassword, "viewer") + user(OPS, opsPassword, "operator");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write status-service's users to " + file, e);
        }
    }

    private static String user(String name, String password, String role) {
        return "rainmaker.status.users." + name + ".password-hash=" + bcrypt(password) + "\n"
                + "rainmaker.status.users." + name + ".roles=" + role + "\n";
    }

    static String bcrypt(String password) {
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        RANDOM.nextBytes(salt);
        try {
            PasswordFactory factory =
                    PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, new WildFlyElytronPasswordProvider());
            var spec = new EncryptablePasswordSpec(
                    password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(BCRYPT_COST, salt));
            return ModularCrypt.encodeAsString(factory.generatePassword(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available: " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "StatusUsers[viewer, ops]";
    }
}
