package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose.yaml agrees with the code: it runs every service and three Kafka nodes from the images build.sh builds,
 * under their names; the nodes form one cluster that keeps three replicas and takes a write on two; each service's
 * health check asks its own HTTP port for readiness; every variable it sets reaches something the service reads; the
 * services bootstrap from every Kafka node where it advertises itself; DigitalOcean and the SMTP server are variables
 * of the file; files it names are secrets it mounts; nothing is published beyond 127.0.0.1; each container's root file
 * system is read-only.
 */
class ComposeTests {

    private static final String KAFKA = "kafka";
    private static final int KAFKA_NODES = 3;
    private static final String SECRETS = "/run/secrets/";

    private final ComposeFile compose = ComposeFile.deployed();

    @Test
    void everyServiceAndKafkaRunFromTheImagesBuildShNames() {
        List<String> expected = new ArrayList<>(ServiceConfig.SERVICES);
        for (int node = 1; node <= KAFKA_NODES; node++) {
            expected.add(ComposeFile.KAFKA_NODE + node);
        }
        assertThat(compose.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        String tag = "${RAINMAKER_VERSION:-" + ComposeFile.projectVersion() + "}";
        expected.forEach(
                service -> assertThat(compose.service(service).path("image").asText())
                        .as(service)
                        .isEqualTo("localhost/rainmaker/"
                                + (service.startsWith(ComposeFile.KAFKA_NODE) ? KAFKA : service) + ":" + tag));
    }

    @Test
    void theKafkaNodesVoteInOneQuorumAndKeepThreeReplicasTwoInSync() {
        List<String> voters = new ArrayList<>();
        for (String node : compose.kafkaNodes()) {
            String id = compose.environment(node).get("KAFKA_NODE_ID");
            voters.add(id + "@" + node + ":9093");
            assertThat(node).as("the node with id %s", id).isEqualTo(ComposeFile.KAFKA_NODE + id);
        }
        for (String node : compose.kafkaNodes()) {
            Map<String, String> environment = compose.environment(node);
            assertThat(environment)
                    .as(node)
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", String.join(",", voters))
                    .containsEntry(
                            "CLUSTER_ID",
                            compose.environment(compose.kafkaNodes().getFirst()).get("CLUSTER_ID"))
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
            assertThat(environment.get("KAFKA_LISTENERS")).as(node).contains("CONTROLLER://:9093");
        }
        assertThat(voters).hasSize(KAFKA_NODES);
    }

    @Test
    void eachKafkaNodeAdvertisesToThisMachineThePortItPublishes() {
        for (String node : compose.kafkaNodes()) {
            String advertised = compose.environment(node).get("KAFKA_ADVERTISED_LISTENERS");
            assertThat(compose.ports(node)).as(node).hasSize(1);
            String published = compose.ports(node).getFirst();
            String hostPort = published.substring(0, published.lastIndexOf(':'));
            assertThat(advertised).as(node).contains("HOST://" + hostPort);
            assertThat(published).as(node).endsWith(":19092");
        }
    }

    @Test
    void digitalOceanAndTheSmtpServerAreVariablesTheRealDigitalOceanByDefault() {
        String digitalOcean = ServiceConfig.of("droplet-service").properties().get("rainmaker.droplet.api-url");
        assertThat(compose.environment("droplet-service"))
                .containsEntry("RAINMAKER_DROPLET_API_URL", "${RAINMAKER_DIGITALOCEAN_URL:-" + digitalOcean + "}");
        assertThat(compose.environment("notifier-service"))
                .hasEntrySatisfying(
                        "QUARKUS_MAILER_HOST", host -> assertThat(host).startsWith("${RAINMAKER_SMTP_HOST:?"))
                .containsEntry("QUARKUS_MAILER_PORT", "${RAINMAKER_SMTP_PORT:-587}");
    }

    @Test
    void eachServicesHealthCheckAsksItsOwnPortForReadiness() {
        for (String service : ServiceConfig.SERVICES) {
            int port = ServiceConfig.of(service).httpPort();
            assertThat(compose.ports(service))
                    .as("%s publishes its HTTP port", service)
                    .hasSize(1);
            assertThat(compose.healthCheck(service))
                    .as(service)
                    .contains("/dev/tcp/127.0.0.1/" + port + " ")
                    .contains("GET /q/health/ready ")
                    .contains("' 200 '");
            compose.ports(service)
                    .forEach(published -> assertThat(published)
                            .as("%s publishes its HTTP port", service)
                            .endsWith(":" + port));
        }
    }

    @Test
    void everyVariableSetsSomethingTheServiceReads() {
        for (String service : ServiceConfig.SERVICES) {
            for (String variable : compose.environment(service).keySet()) {
                assertThat(ServiceVariables.reaches(service, variable))
                        .as("compose.yaml: %s sets nothing %s reads", variable, service)
                        .isTrue();
            }
        }
    }

    @Test
    void theServicesBootstrapFromEveryKafkaNodeWhereItAdvertisesItself() {
        List<String> advertised =
                compose.kafkaNodes().stream().map(node -> node + ":9092").toList();
        for (String node : compose.kafkaNodes()) {
            assertThat(compose.environment(node).get("KAFKA_ADVERTISED_LISTENERS"))
                    .as(node)
                    .contains("PLAINTEXT://" + node + ":9092");
        }
        for (String service : ServiceConfig.SERVICES) {
            assertThat(compose.environment(service)
                            .get("KAFKA_BOOTSTRAP_SERVERS")
                            .split(","))
                    .as(service)
                    .containsExactlyInAnyOrderElementsOf(advertised);
            List<String> dependsOn = new ArrayList<>();
            compose.service(service).path("depends_on").forEach(dependency -> dependsOn.add(dependency.asText()));
            assertThat(dependsOn).as(service).containsAll(compose.kafkaNodes());
        }
    }

    @Test
    void everyFileAServiceIsToldToReadIsASecretItMounts() {
        for (String service : ServiceConfig.SERVICES) {
            List<String> mounted = compose.secrets(service);
            for (Map.Entry<String, String> variable :
                    compose.environment(service).entrySet()) {
                if (variable.getValue().startsWith("/") && !variable.getValue().startsWith("/tmp/")) {
                    assertThat(variable.getValue())
                            .as("%s's %s", service, variable.getKey())
                            .startsWith(SECRETS);
                    assertThat(mounted)
                            .as("%s's secrets, for %s", service, variable.getKey())
                            .contains(variable.getValue().substring(SECRETS.length()));
                }
            }
            mounted.forEach(secret -> assertThat(compose.body()
                            .path("secrets")
                            .path(secret)
                            .path("file")
                            .asText())
                    .as("secret %s is a file of RAINMAKER_SECRETS", secret)
                    .startsWith("${RAINMAKER_SECRETS:?"));
        }
    }

    @Test
    void portsArePublishedOnLoopbackOnly() {
        compose.services()
                .keySet()
                .forEach(service -> compose.ports(service)
                        .forEach(published -> assertThat(published).as(service).startsWith("127.0.0.1:")));
    }

    @Test
    void everyContainerHasAReadOnlyRootAndATmpfsAtTmp() {
        compose.services().forEach((name, service) -> {
            assertThat(service.path("read_only").asBoolean()).as(name).isTrue();
            assertThat(service.path("tmpfs").toString()).as(name).contains("/tmp:");
        });
    }
}
