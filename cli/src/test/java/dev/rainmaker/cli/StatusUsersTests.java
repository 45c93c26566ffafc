package dev.rainmaker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import static org.assertj.core.api.Assertions.assertThat;

class StatusUsersTests {

    @Test
    void statusServiceIsGivenBcryptHashesOfTwoFreshPasswordsInAFileOnlyItsOwnerReads(@TempDir Path directory)
            throws IOException, GeneralSecurityException {
        StatusUsers users = StatusUsers.generate();
        Path file = directory.resolve("status-service-1-users.properties");

        users.write(file);

        String written = Files.readString(file);
        Properties config = new Properties();
        config.load(Files.newBufferedReader(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(written).doesNotContain(users.opsPassword(), users.viewerPassword());
        assertThat(config)
                .containsEntry("rainmaker.status.users.ops.roles", "operator")
                .containsEntry("rainmaker.status.users.viewer.roles", "viewer");
        String opsHash = config.getProperty("rainmaker.status.users.ops.password-hash");
        String viewerHash = config.getProperty("rainmaker.status.users.viewer.password-hash");
        assertThat(opsHash).startsWith("$2a$10$");
        assertThat(matches(users.opsPassword(), opsHash)).isTrue();
        assertThat(matches(users.viewerPassword(), viewerHash)).isTrue();
        assertThat(matches(users.viewerPassword(), opsHash)).isFalse();
        assertThat(StatusUsers.generate().opsPassword())
                .isNotEqualTo(users.opsPassword())
                .hasSizeGreaterThanOrEqualTo(20);
        assertThat(users.toString()).doesNotContain(users.opsPassword());
    }

    private static boolean matches(String password, String hash) throws GeneralSecurityException {
        PasswordFactory factory =
                PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, new WildFlyElytronPasswordProvider());
        return factory.verify(factory.translate(ModularCrypt.decode(hash)), password.toCharArray());
    }
}
