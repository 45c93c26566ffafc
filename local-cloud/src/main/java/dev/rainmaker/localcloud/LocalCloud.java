package dev.rainmaker.localcloud;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.rainmaker.localcloud.digitalocean.DigitalOceanLimits;
import dev.rainmaker.localcloud.digitalocean.DigitalOceanStandIn;
import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.hosts.containers.ContainerHosts;
import dev.rainmaker.localcloud.hosts.real.CpuQuota;
import dev.rainmaker.localcloud.hosts.real.RealHosts;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.KafkaCluster;
import dev.rainmaker.localcloud.kafka.LocalKafka;
import dev.rainmaker.localcloud.prometheus.PrometheusInfo;
import dev.rainmaker.localcloud.prometheus.PrometheusServer;
import dev.rainmaker.localcloud.prometheus.PrometheusSettings;
import dev.rainmaker.localcloud.smtp.SmtpServer;

/**
 * Everything Rainmaker talks to, on this machine: Kafka (one broker, or a cluster of them), the DigitalOcean API v2
 * stand-in whose droplets are simulated SSH hosts or real Debian machines ({@link HostKind}), an SMTP server, and, when
 * asked for and installed, a Prometheus that scrapes the services and evaluates the alerting rules. Started in one
 * call, by a test or by {@link LocalCloudMain}.
 */
public final class LocalCloud implements AutoCloseable {

    private final LocalKafka kafka;
    private final HostProvider hosts;
    private final DigitalOceanStandIn digitalOcean;
    private final SmtpServer smtp;
    private final Optional<PrometheusServer> prometheus;
    private final LocalCloudInfo info;

    private LocalCloud(
            LocalKafka kafka,
            HostProvider hosts,
            DigitalOceanStandIn digitalOcean,
            SmtpServer smtp,
            Optional<PrometheusServer> prometheus,
            LocalCloudInfo info) {
        this.kafka = kafka;
        this.hosts = hosts;
        this.digitalOcean = digitalOcean;
        this.smtp = smtp;
        this.prometheus = prometheus;
        this.info = info;
    }

    /**
     * @param stateDirectory where the provisioning key and the broker's data live (the data is fresh every start)
     * @param kafkaPort the (first) broker's port on 127.0.0.1, 0 for any free port
     * @param brokers 1 for a broker inside this JVM; 3 or more for a cluster of broker processes ({@link KafkaCluster})
     * @param bootDelay how long a droplet stays {@code new} before it is {@code active}
     * @param hostKind what a droplet's machine is
     * @param limits the DigitalOcean stand-in's rate limits
     * @param realHostCpuQuota each real host's CPU cap; empty for none (simulated hosts are never capped)
     * @param prometheus what a Prometheus loads, when one should run; empty for none
     */
    public record Options(
            Path stateDirectory,
            int kafkaPort,
            int brokers,
            Duration bootDelay,
            HostKind hostKind,
            DigitalOceanLimits limits,
            Optional<CpuQuota> realHostCpuQuota,
            Optional<PrometheusSettings> prometheus) {

        public Options(Path stateDirectory, int kafkaPort, Duration bootDelay) {
            this(
                    stateDirectory,
                    kafkaPort,
                    1,
                    bootDelay,
                    HostKind.SIMULATED,
                    DigitalOceanLimits.real(),
                    Optional.empty(),
                    Optional.empty());
        }

        public Options withLimits(DigitalOceanLimits newLimits) {
            return new Options(
                    stateDirectory, kafkaPort, brokers, bootDelay, hostKind, newLimits, realHostCpuQuota, prometheus);
        }

        /** Real hosts whose CPU time is capped, e.g. at {@code CpuQuota.parse("50%")} of one CPU each. */
        public Options withRealHostCpuQuota(CpuQuota quota) {
            return new Options(
                    stateDirectory, kafkaPort, brokers, bootDelay, hostKind, limits, Optional.of(quota), prometheus);
        }

        /** With a cluster of {@code count} broker processes instead of one broker inside this JVM. */
        public Options withBrokers(int count) {
            if (!LocalKafka.isPossibleSize(count)) {
                throw new IllegalArgumentException(
                        "a local Kafka has " + LocalKafka.POSSIBLE_SIZES + " brokers, not " + count);
            }
            return new Options(
                    stateDirectory, kafkaPort, count, bootDelay, hostKind, limits, realHostCpuQuota, prometheus);
        }

        public static Options forTests(Path stateDirectory, Duration bootDelay) {
            return new Options(stateDirectory, 0, bootDelay);
        }

        public Options withHostKind(HostKind kind) {
            return new Options(
                    stateDirectory, kafkaPort, brokers, bootDelay, kind, limits, realHostCpuQuota, prometheus);
        }

        /** With a Prometheus, where this machine has one ({@link PrometheusServer#unavailability()}). */
        public Options withPrometheus(PrometheusSettings settings) {
            return new Options(
                    stateDirectory,
                    kafkaPort,
                    brokers,
                    bootDelay,
                    hostKind,
                    limits,
                    realHostCpuQuota,
                    Optional.of(settings));
        }
    }

    /**
     * Simulated hosts (SSH servers answering from command models), real Debian 12 machines under systemd-nspawn
     * ({@link RealHosts}), or the same machines as containers of a Docker API ({@link ContainerHosts}).
     */
    public enum HostKind {
        SIMULATED,
        REAL,
        CONTAINERS
    }

    public static LocalCloud start(Options options) {
        Path kafkaData = options.stateDirectory().resolve("kafka");
        ProvisioningKey key = ProvisioningKey.createOrReuse(options.stateDirectory());
        String token = "local-" + UUID.randomUUID();

        LocalKafka kafka = startKafka(options, kafkaData);
        HostProvider hosts = switch (options.hostKind()) {
            case REAL -> RealHosts.start(realHostSettings(options));
            case CONTAINERS -> ContainerHosts.start(ContainerHosts.Settings.defaults());
            case SIMULATED -> SimulatedHosts.onFreePort();
        };
        DigitalOceanStandIn digitalOcean = DigitalOceanStandIn.builder()
                .token(token)
                .bootDelay(options.bootDelay())
                .limits(options.limits())
                .hostProvider(hosts)
                .build()
                .start();
        SmtpServer smtp = SmtpServer.onFreePort().start();
        Optional<PrometheusServer> prometheus;
        try {
            prometheus = startPrometheus(options);
        } catch (RuntimeException e) {
            smtp.close();
            digitalOcean.close();
            hosts.close();
            kafka.close();
            throw e;
        }
        LocalCloudInfo info = new LocalCloudInfo(
                kafka.bootstrapServers(),
                digitalOcean.baseUrl(),
                token,
                smtp.port(),
                hosts.sshPort(),
                hosts.appPort(),
                key.privateKeyFile(),
                key.publicKeyFile(),
                options.hostKind().name().toLowerCase(java.util.Locale.ROOT),
                prometheus
                        .map(PrometheusServer::info)
                        .orElseGet(() -> PrometheusInfo.notRunning(
                                options.prometheus().isEmpty()
                                        ? "not asked for"
                                        : PrometheusServer.unavailability().orElseThrow())));
        return new LocalCloud(kafka, hosts, digitalOcean, smtp, prometheus, info);
    }

    private static LocalKafka startKafka(Options options, Path data) {
        if (options.brokers() == 1) {
            return KafkaBroker.startFresh(options.kafkaPort() == 0 ? LocalPorts.free() : options.kafkaPort(), data);
        }
        return KafkaCluster.startFresh(options.brokers(), options.kafkaPort(), data);
    }

    private static Optional<PrometheusServer> startPrometheus(Options options) {
        if (options.prometheus().isEmpty() || PrometheusServer.unavailability().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(PrometheusServer.start(
                options.stateDirectory().resolve("prometheus"),
                options.prometheus().get()));
    }

    private static RealHosts.Settings realHostSettings(Options options) {
        RealHosts.Settings settings =
                RealHosts.Settings.defaults(options.stateDirectory().resolve("hosts"));
        return options.realHostCpuQuota().map(settings::withCpuQuota).orElse(settings);
    }

    public LocalCloudInfo info() {
        return info;
    }

    public DigitalOceanStandIn digitalOcean() {
        return digitalOcean;
    }

    /** The simulated hosts; fails when this local cloud runs real ones. */
    public SimulatedHosts hosts() {
        if (!(hosts instanceof SimulatedHosts simulated)) {
            throw new IllegalStateException("this local cloud runs " + info.hosts() + " hosts, not simulated ones");
        }
        return simulated;
    }

    public HostProvider hostProvider() {
        return hosts;
    }

    /** The broker processes, to kill and restart one; fails when this local cloud runs a single broker. */
    public KafkaCluster kafkaCluster() {
        if (!(kafka instanceof KafkaCluster cluster)) {
            throw new IllegalStateException("this local cloud runs one broker, not a cluster");
        }
        return cluster;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    @Override
    public void close() {
        prometheus.ifPresent(PrometheusServer::close);
        smtp.close();
        digitalOcean.close();
        hosts.close();
        kafka.close();
    }
}
