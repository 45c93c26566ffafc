package dev.rainmaker.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.rainmaker.localcloud.digitalocean.DigitalOceanStandIn;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.smtp.SmtpServer;

/**
 * Everything Rainmaker talks to, on this machine: a Kafka broker, the DigitalOcean API v2 stand-in whose droplets are
 * simulated SSH hosts, and an SMTP server. Started in one call, by a test or by {@link LocalCloudMain}.
 */
public final class LocalCloud implements AutoCloseable {

    private final KafkaBroker kafka;
    private final SimulatedHosts hosts;
    private final DigitalOceanStandIn digitalOcean;
    private final SmtpServer smtp;
    private final LocalCloudInfo info;

    private LocalCloud(
            KafkaBroker kafka,
            SimulatedHosts hosts,
            DigitalOceanStandIn digitalOcean,
            SmtpServer smtp,
            LocalCloudInfo info) {
        this.kafka = kafka;
        this.hosts = hosts;
        this.digitalOcean = digitalOcean;
        this.smtp = smtp;
        this.info = info;
    }

    /**
     * @param stateDirectory where the provisioning key and the broker's data live (the data is fresh every start)
     * @param kafkaPort the broker's port on 127.0.0.1, 0 for any free port
     * @param bootDelay how long a droplet stays {@code new} before it is {@code active}
     */
    public record Options(Path stateDirectory, int kafkaPort, Duration bootDelay) {

        public static Options forTests(Path stateDirectory, Duration bootDelay) {
            return new Options(stateDirectory, 0, bootDelay);
        }
    }

    public static LocalCloud start(Options options) {
        Path kafkaData = options.stateDirectory().resolve("kafka");
        ProvisioningKey key = ProvisioningKey.createOrReuse(options.stateDirectory());
        String token = "local-" + UUID.randomUUID();

        KafkaBroker kafka =
                KafkaBroker.startFresh(options.kafkaPort() == 0 ? freePort() : options.kafkaPort(), kafkaData);
        SimulatedHosts hosts = SimulatedHosts.onFreePort();
        DigitalOceanStandIn digitalOcean = DigitalOceanStandIn.builder()
                .token(token)
                .bootDelay(options.bootDelay())
                .hostProvider(hosts)
                .build()
                .start();
        SmtpServer smtp = SmtpServer.onFreePort().start();
        LocalCloudInfo info = new LocalCloudInfo(
                kafka.bootstrapServers(),
                digitalOcean.baseUrl(),
                token,
                smtp.port(),
                hosts.sshPort(),
                key.privateKeyFile(),
                key.publicKeyFile(),
                "simulated");
        return new LocalCloud(kafka, hosts, digitalOcean, smtp, info);
    }

    public LocalCloudInfo info() {
        return info;
    }

    public DigitalOceanStandIn digitalOcean() {
        return digitalOcean;
    }

    public SimulatedHosts hosts() {
        return hosts;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    @Override
    public void close() {
        smtp.close();
        digitalOcean.close();
        hosts.close();
        kafka.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
