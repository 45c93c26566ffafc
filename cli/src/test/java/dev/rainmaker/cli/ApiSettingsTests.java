package dev.rainmaker.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSettingsTests {

    @Test
    void apiServiceIsGivenTheSha256OfEachFreshTokenAndItsSecretsInAFileOnlyItsOwnerReads(@TempDir Path directory)
            throws IOException {
        ApiSettings settings = new ApiSettings(
                List.of(
                        ApiSettings.App.generate("acme", 50, 100).withWebhook(URI.create("http://127.0.0.1:1/hook")),
                        ApiSettings.App.generate("globex", 1, 2)),
                URI.create("http://127.0.0.1:8085"),
                "viewer",
                "viewer-password");
        Path file = directory.resolve("api-service-1-settings.properties");

        settings.write(file);

        Properties config = new Properties();
        config.load(Files.newBufferedReader(file));
        String acmeToken = settings.app("acme").token();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file))
                .doesNotContain(acmeToken, settings.app("globex").token());
        assertThat(config)
                .containsEntry("rainmaker.api.apps.acme.token-sha256", ApiSettings.sha256(acmeToken))
                .containsEntry("rainmaker.api.apps.acme.webhook.url", "http://127.0.0.1:1/hook")
                .containsEntry(
                        "rainmaker.api.apps.acme.webhook.secret",
                        settings.app("acme").webhook().orElseThrow().secret())
                .containsEntry("rainmaker.api.apps.globex.rate-limit.burst", "2")
                .containsEntry("rainmaker.api.status.password", "viewer-password")
                .doesNotContainKey("rainmaker.api.apps.globex.webhook.url");
        assertThat(ApiSettings.sha256("acme-token-for-tests"))
                .isEqualTo("ea0c4c77a8dd9f61ede00a46d1af6444339154750e431db43d01a50323d5cd9a");
        assertThat(acmeToken)
                .hasSizeGreaterThanOrEqualTo(40)
                .isNotEqualTo(settings.app("globex").token());
        assertThat(settings.toString()
                        + settings.app("acme")
                        + settings.app("acme").webhook().orElseThrow())
                .doesNotContain(
                        acmeToken,
                        "viewer-password",
                        settings.app("acme").webhook().orElseThrow().secret());
    }
}
