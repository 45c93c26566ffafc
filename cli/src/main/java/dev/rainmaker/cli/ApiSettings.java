package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * api-service's settings for one local run: the SaaS apps that may call it, each with a token made for the run (the
 * service is given only its SHA-256), and the status-service user it reads customers' states as. They go to a file of
 * the launch's own that only this user can read (the status password and webhook secrets are secrets), never to the
 * command line.
 */
public record ApiSettings(List<App> apps, URI statusUrl, String statusUser, String statusPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A SaaS app: its token, its rate limit, and where its webhooks go (none when empty).
     *
     * @param token the bearer token, shown to the person who started the run and given to api-service only as a hash
     */
    public record App(String name, String token, double perSecond, int burst, Optional<Webhook> webhook) {

        /** An app with a token made now, the given rate limit and no webhook. */
        public static App generate(String name, double perSecond, int burst) {
            return new App(name, randomSecret(), perSecond, burst, Optional.empty());
        }

        public App withWebhook(URI url) {
            return new App(name, token, perSecond, burst, Optional.of(new Webhook(url, randomSecret())));
        }

        @Override
        public String toString() {
            return "App[" + name + "]";
        }
    }

    /** Where an app's webhooks go and the secret they are signed with. */
    public record Webhook(URI url, String secret) {

        @Override
        public String toString() {
            return "Webhook[" + url + "]";
        }
    }

    public ApiSettings {
        apps = List.copyOf(apps);
    }

    /** For a run that only trains api-service's AOT cache: one app, and a status-service nobody asks. */
    static ApiSettings forTraining() {
        return new ApiSettings(
                List.of(App.generate("training", 1, 1)), URI.create("http://127.0.0.1:9"), "training", randomSecret());
    }

    /** The app of that name. */
    public App app(String name) {
        return apps.stream()
                .filter(app -> app.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + name));
    }

    /**
     * The launch of an api-service instance with these settings, in an owner-only file of its own under
     * {@code settings/} beside the log directory (not in it: logs are for reading and sharing, this file is a secret).
     */
    public ServiceLaunch applyTo(ServiceLaunch launch) {
        Path file = launch.logFile().getParent().resolveSibling("settings").resolve(launch.name() + ".properties");
        write(file);
        return launch.withSystemProperty(
                "quarkus.config.locations", file.toUri().toString());
    }

    public void write(Path file) {
        StringBuilder config = new StringBuilder()
                .append("rainmaker.api.status.url=")
                .append(statusUrl)
                .append('\n')
                .append("rainmaker.api.status.user=")
                .append(statusUser)
                .append('\n')
                .append("rainmaker.api.status.password=")
                .append(statusPassword)
                .append('\n');
        for (App app : apps) {
            String prefix = "rainmaker.api.apps." + app.name() + ".";
            config.append(prefix)
                    .append("token-sha256=")
                    .append(sha256(app.token()))
                    .append('\n')
                    .append(prefix)
                    .append("rate-limit.per-second=")
                    .append(app.perSecond())
                    .append('\n')
                    .append(prefix)
                    .append("rate-limit.burst=")
                    .append(app.burst())
                    .append('\n');
            app.webhook()
                    .ifPresent(webhook -> config.append(prefix)
                            .append("webhook.url=")
                            .append(webhook.url())
                            .append('\n')
                            .append(prefix)
                            .append("webhook.secret=")
                            .append(webhook.secret())
                            .append('\n'));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write api-service's settings to " + file, e);
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "rm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "ApiSettings" + apps + " reading " + statusUrl;
    }
}
