package dev.rainmaker.localcloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.rainmaker.localcloud.digitalocean.DigitalOceanLimits;
import dev.rainmaker.localcloud.prometheus.PrometheusSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cloud as a process: {@code --state-dir DIR [--kafka-port PORT] [--brokers N] [--boot-delay 2000ms] [--hosts
 * simulated|real|containers] [--do-limits real|off] [--record FILE] [--prometheus-rules FILE]}. With
 * {@code --prometheus-rules}, a Prometheus evaluating those rules runs too, where installed; with {@code --brokers} 3
 * or more, Kafka is a cluster of broker processes ({@link dev.rainmaker.localcloud.kafka.KafkaCluster}). Once
 * everything listens it writes {@code DIR/local-cloud.properties} ({@link LocalCloudInfo}); it runs until stopped, and
 * removes that file on the way out. With {@code --record}, it writes what it served ({@link LocalCloudRecord}) to FILE
 * on the way out, before it stops.
 */
public final class LocalCloudMain {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCloudMain.class);

    private LocalCloudMain() {}

    public static void main(String[] args) throws Exception {
        Path stateDirectory = Path.of(".rainmaker");
        int kafkaPort = 9092;
        int brokers = 1;
        Duration bootDelay = Duration.ofSeconds(2);
        LocalCloud.HostKind hosts = LocalCloud.HostKind.SIMULATED;
        DigitalOceanLimits limits = DigitalOceanLimits.real();
        Path recordFile = null;
        Optional<PrometheusSettings> prometheus = Optional.empty();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--state-dir" -> stateDirectory = Path.of(args[i + 1]);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[i + 1]);
                case "--brokers" -> brokers = Integer.parseInt(args[i + 1]);
                case "--boot-delay" -> bootDelay = Duration.ofMillis(Long.parseLong(args[i + 1].replace("ms", "")));
                case "--hosts" -> hosts = LocalCloud.HostKind.valueOf(args[i + 1].toUpperCase(java.util.Locale.ROOT));
                case "--do-limits" -> limits = limits(args[i + 1]);
                case "--record" -> recordFile = Path.of(args[i + 1]);
                case "--prometheus-rules" ->
                    prometheus = Optional.of(PrometheusSettings.forPeople(Path.of(args[i + 1])));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(stateDirectory);
        Path infoFile = stateDirectory.resolve("local-cloud.properties");
        LocalCloud.Options options = new LocalCloud.Options(stateDirectory, kafkaPort, bootDelay)
                .withBrokers(brokers)
                .withHostKind(hosts)
                .withLimits(limits);
        LocalCloud cloud =
                LocalCloud.start(prometheus.map(options::withPrometheus).orElse(options));
        Path record = recordFile;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(infoFile);
            } catch (Exception e) {
                LOG.warn("could not remove {}: {}", infoFile, e.getMessage());
            }
            if (record != null) {
                LocalCloudRecord.of(cloud).writeTo(record);
            }
            cloud.close();
            stopped.countDown();
        }));
        cloud.info().writeTo(infoFile);
        LOG.info("local cloud ready: {}", cloud.info());
        stopped.await();
    }

    private static DigitalOceanLimits limits(String name) {
        return switch (name) {
            case "real" -> DigitalOceanLimits.real();
            case "off" -> DigitalOceanLimits.off();
            default -> throw new IllegalArgumentException("--do-limits takes real or off, not " + name);
        };
    }
}
