package dev.rainmaker.localcloud;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

import dev.rainmaker.localcloud.prometheus.PrometheusInfo;

/**
 * Where a running local cloud can be reached, as the services need it. A local-cloud process writes it to a file
 * (owner-only: it holds the stand-in's API token) that {@code ./rainmaker} reads to configure the services.
 */
public record LocalCloudInfo(
        String kafkaBootstrapServers,
        String digitalOceanUrl,
        String digitalOceanToken,
        int smtpPort,
        int sshPort,
        int appPort,
        Path provisioningPrivateKey,
        Path provisioningPublicKey,
        String hosts,
        PrometheusInfo prometheus) {

    public void writeTo(Path file) {
        Properties properties = new Properties();
        properties.setProperty("kafka.bootstrap.servers", kafkaBootstrapServers);
        properties.setProperty("digitalocean.url", digitalOceanUrl);
        properties.setProperty("digitalocean.token", digitalOceanToken);
        properties.setProperty("smtp.port", String.valueOf(smtpPort));
        properties.setProperty("ssh.port", String.valueOf(sshPort));
        properties.setProperty("app.port", String.valueOf(appPort));
        properties.setProperty("provisioning.private-key", provisioningPrivateKey.toString());
        properties.setProperty("provisioning.public-key", provisioningPublicKey.toString());
        properties.setProperty("hosts", hosts);
        prometheus.url().ifPresent(url -> properties.setProperty("prometheus.url", url));
        prometheus.alertsPage().ifPresent(page -> properties.setProperty("prometheus.alerts-page", page));
        prometheus
                .targetsFile()
                .ifPresent(targets -> properties.setProperty("prometheus.targets-file", targets.toString()));
        properties.setProperty("prometheus.not-running", prometheus.whyNotRunning());
        try {
            Path temporary = Files.createTempFile(
                    file.toAbsolutePath().getParent(),
                    ".local-cloud",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "Rainmaker local cloud; removed when it stops");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    public static LocalCloudInfo readFrom(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return new LocalCloudInfo(
                properties.getProperty("kafka.bootstrap.servers"),
                properties.getProperty("digitalocean.url"),
                properties.getProperty("digitalocean.token"),
                Integer.parseInt(properties.getProperty("smtp.port")),
                Integer.parseInt(properties.getProperty("ssh.port")),
                Integer.parseInt(properties.getProperty("app.port", "80")),
                Path.of(properties.getProperty("provisioning.private-key")),
                Path.of(properties.getProperty("provisioning.public-key")),
                properties.getProperty("hosts"),
                new PrometheusInfo(
                        Optional.ofNullable(properties.getProperty("prometheus.url")),
                        Optional.ofNullable(properties.getProperty("prometheus.alerts-page")),
                        Optional.ofNullable(properties.getProperty("prometheus.targets-file"))
                                .map(Path::of),
                        properties.getProperty("prometheus.not-running", "")));
    }

    /** Hides the token, so the record can be printed. */
    @Override
    public String toString() {
        return "LocalCloudInfo[kafka=" + kafkaBootstrapServers + ", digitalocean=" + digitalOceanUrl
                + ", smtp=127.0.0.1:" + smtpPort + ", ssh port=" + sshPort + ", app port=" + appPort + ", hosts="
                + hosts + ", " + prometheus.describe() + "]";
    }
}
