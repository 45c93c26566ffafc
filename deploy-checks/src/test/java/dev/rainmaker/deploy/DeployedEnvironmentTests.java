package dev.rainmaker.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.localcloud.LocalPorts;
import dev.rainmaker.localcloud.smtp.SmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * services.yaml's Kafka variables reach every Kafka client of a service, not only its channels: the services with
 * clients of their own (status-service: Kafka Streams, its admin, its timeline feed, its dead letters;
 * notifier-service: its transactional producer; api-service: its sign-up ledger and webhook consumers) are started from
 * their packaged jars with their container's environment as services.yaml writes it, as their KafkaUser, against a
 * broker that authorizes as the cluster does ({@link DeployedKafka}). They must become ready, status-service's Kafka
 * Streams RUNNING, with no authentication or authorization error in their logs. Only what cannot be the same here is
 * replaced: the broker's address, plain SASL for TLS (the certificates are the cluster's), one replica for a topic (one
 * broker), files the pod mounts, the mail server's address (a real one on loopback, which the notifier's readiness
 * greets; no mail is sent). Skipped, saying why, where the services are not packaged: the full build packages them
 * before deploy-checks runs.
 */
@ExtendWith(DeployedKafkaExtension.class)
class DeployedEnvironmentTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final String KAFKA_STREAMS_RUNNING = "State transition from REBALANCING to RUNNING";
    /** status-service's test user (its application.properties): ops, password "secret". */
    private static final String STATUS_USERS =
            "rainmaker.status.users.ops.password-hash=$2a$10$EC6tEmjvofI7KLq8hh.iaujkuYoiVHC2yezxTlLISMbxb9RsMLX0u\n"
                    + "rainmaker.status.users.ops.roles=operator\n";

    private static DeployedKafka kafka;
    private static SmtpServer mailServer;

    @BeforeAll
    static void clusterAsDeployed(DeployedKafka deployed) {
        kafka = deployed;
        mailServer = SmtpServer.onFreePort().start();
    }

    @AfterAll
    static void stopMailServer() {
        if (mailServer != null) {
            mailServer.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"status-service", "notifier-service", "api-service"})
    void theServiceReachesKafkaAsItsUserWithTheDeployedVariables(String service, @TempDir Path dir) throws Exception {
        Path jar = DeployFiles.ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assumeTrue(
                Files.isRegularFile(jar),
                service + " is not packaged: ./mvnw -pl " + service + " -am package -DskipTests");
        Workload workload = Workload.deployed().stream()
                .filter(deployed -> deployed.name().equals(service))
                .findFirst()
                .orElseThrow();
        int port = LocalPorts.free();
        Map<String, String> environment =
                new HashMap<>(PodEnvironment.of(workload, secrets(service), replaced(service, dir)));
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Path log = Path.of("target", service + ".log").toAbsolutePath();
        ServiceLaunch launch =
                new ServiceLaunch(service, List.of("-jar", jar.toString()), Map.of(), environment, log, port);

        try (ServiceProcess process = ServiceProcess.start(launch)) {
            process.awaitReady(PATIENCE);
            if (ServiceConfig.of(service).kafkaStreamsApplicationId().isPresent()) {
                // Ready while still rebalancing; only RUNNING shows its internal topics were created and assigned.
                awaitLogLine(log, KAFKA_STREAMS_RUNNING);
            }

            assertThat(Files.readString(log))
                    .as("%s's log", service)
                    .doesNotContain("AuthorizationException")
                    .doesNotContain("AuthenticationException")
                    .doesNotContain("Not authorized");
        }
    }

    private static Map<String, String> secrets(String service) {
        return Map.of(
                "kafka-user-" + service + "/sasl.jaas.config",
                kafka.jaasConfigOf(service),
                "rainmaker-smtp/username",
                "rainmaker",
                "rainmaker-smtp/password",
                "rainmaker");
    }

    private static void awaitLogLine(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.readString(log).contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no \"" + line + "\" in " + log + " within " + PATIENCE);
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, String> replaced(String service, Path dir) throws Exception {
        Map<String, String> replaced = new HashMap<>();
        replaced.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        replaced.put("QUARKUS_MAILER_PORT", String.valueOf(mailServer.port()));
        replaced.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        replaced.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        replaced.put("KAFKA_SSL_TRUSTSTORE_TYPE", null);
        replaced.put("KAFKA_SSL_TRUSTSTORE_LOCATION", null);
        // One broker here: topics Kafka Streams creates can have one replica, not three.
        replaced.put("RAINMAKER_TOPICS_REPLICATION_FACTOR", "1");
        replaced.put("RAINMAKER_STATUS_HOST", "127.0.0.1");
        replaced.put("RAINMAKER_STATUS_STATE_DIR", dir.resolve("state").toString());
        String settings = service.equals("status-service") ? STATUS_USERS : "rainmaker.api.status.password=secret\n";
        replaced.put(
                "QUARKUS_CONFIG_LOCATIONS",
                Files.writeString(dir.resolve("settings.properties"), settings).toString());
        return replaced;
    }
}
