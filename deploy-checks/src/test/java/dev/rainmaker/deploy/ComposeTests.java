package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose.yaml agrees with the code: it runs every service and Kafka from the images build.sh builds, under
 * their names; each service's health check asks its own HTTP port for readiness; every variable it sets reaches
 * something the service reads; the services find Kafka where it advertises itself; files it names are secrets it
 * mounts; nothing is published beyond 127.0.0.1; each container's root file system is read-only.
 */
class ComposeTests {

    private static final String KAFKA = "kafka";
    private static final String SECRETS = "/run/secrets/";

    private final ComposeFile compose = ComposeFile.deployed();

    @Test
    void everyServiceAndKafkaRunFromTheImagesBuildShNames() {
        List<String> expected = new ArrayList<>(ServiceConfig.SERVICES);
        expected.add(KAFKA);
        assertThat(compose.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        String tag = "${RAINMAKER_VERSION:-" + ComposeFile.projectVersion() + "}";
        expected.forEach(
                service -> assertThat(compose.service(service).path("image").asText())
                        .as(service)
                        .isEqualTo("localhost/rainmaker/" + service + ":" + tag));
    }

    @Test
    void eachServicesHealthCheckAsksItsOwnPortForReadiness() {
        for (String service : ServiceConfig.SERVICES) {
            int port = ServiceConfig.of(service).httpPort();
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
    void theServicesFindKafkaWhereItAdvertisesItself() {
        String advertised = compose.environment(KAFKA).get("KAFKA_ADVERTISED_LISTENERS");
        for (String service : ServiceConfig.SERVICES) {
            String bootstrap = compose.environment(service).get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(advertised)
                    .as("Kafka's advertised listeners, for %s", service)
                    .contains("//" + bootstrap);
            assertThat(compose.service(service).path("depends_on").toString())
                    .as(service)
                    .contains(KAFKA);
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
