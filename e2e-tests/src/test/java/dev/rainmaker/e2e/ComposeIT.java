package dev.rainmaker.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.rainmaker.cli.ApiSettings;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalPorts;
import dev.rainmaker.localcloud.kafka.TopicClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/compose.yaml as a developer runs it, with podman-compose, from the images this module's build made (the Kafka
 * image among them), DigitalOcean and the SMTP server pointed at each container's own loopback, where nothing answers,
 * so that nothing leaves the machine: the three Kafka nodes form one cluster; bootstrap-, stack-, status- and
 * api-service pass the file's health checks; droplet- and notifier-service are live and ready in every check but
 * DigitalOcean's and SMTP's; a sign-up POSTed to api-service's published port is taken (api-service answers 202 once
 * the cluster's in-sync replicas have it) and is on its topic, and status-service shows the customer in flight; down
 * leaves no container, volume nor network behind. No droplet is made: see deploy/README.md, "Compose".
 */
class ComposeIT {

    private static final Duration UP = Duration.ofMinutes(2);
    private static final Duration HEALTHY = Duration.ofMinutes(3);
    private static final Duration DOWN = Duration.ofMinutes(3);
    private static final List<String> KAFKA_NODES = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final List<String> HEALTHY_BY_THEIR_CHECK =
            List.of("bootstrap-service", "stack-service", "status-service", "api-service");
    /** The services that cannot be ready here, and the one readiness check each fails: the server nothing answers for. */
    private static final Map<String, String> READY_BUT = Map.of(
            "droplet-service", "digitalocean",
            "notifier-service", "smtp");
    /** Port 9 of the container's own loopback: refused, and nothing sent anywhere else. */
    private static final String NOWHERE_HOST = "127.0.0.1";

    private static final String NOWHERE_PORT = "9";

    private static final String APP = "compose";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The port each container publishes on 127.0.0.1, by service name. */
    private static final Map<String, Integer> ports = new LinkedHashMap<>();

    private static Path state;
    private static ComposeProject project;
    private static ApiSettings api;
    private static StatusApi status;

    @BeforeAll
    static void upFromTheImages() {
        String missing = ComposeProject.unavailability();
        assumeTrue(missing.isEmpty(), missing);
        Path repository = LocalPipeline.repository();
        state = repository.resolve("e2e-tests/target/compose");
        StatusUsers users = StatusUsers.generate();
        api = new ApiSettings(
                List.of(ApiSettings.App.generate(APP, 100, 100)),
                URI.create("http://status-service:8085"),
                StatusUsers.VIEWER,
                users.viewerPassword());
        ComposeSecrets secrets =
                ComposeSecrets.write(state.resolve("secrets"), "compose-" + UUID.randomUUID(), users, api);
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "RAINMAKER_SECRETS",
                secrets.directory().toString(),
                "RAINMAKER_VERSION",
                System.getProperty("rainmaker.image.tag"),
                "RAINMAKER_DIGITALOCEAN_URL",
                "http://" + NOWHERE_HOST + ":" + NOWHERE_PORT,
                "RAINMAKER_SMTP_HOST",
                NOWHERE_HOST,
                "RAINMAKER_SMTP_PORT",
                NOWHERE_PORT));
        List<String> containers = new ArrayList<>(KAFKA_NODES);
        containers.addAll(HEALTHY_BY_THEIR_CHECK);
        containers.addAll(READY_BUT.keySet());
        for (String container : containers) {
            ports.put(container, LocalPorts.free());
            settings.put(portVariable(container), String.valueOf(ports.get(container)));
        }
        status = new StatusApi(ports.get("status-service"), StatusUsers.VIEWER, users.viewerPassword());
        String name = "rmc-compose-" + UUID.randomUUID().toString().substring(0, 8);
        project = new ComposeProject(
                repository.resolve("deploy/compose.yaml"), name, settings, state.resolve(name + ".log"));

        Instant starting = Instant.now();
        project.up(UP);
        System.out.printf("compose: %s up (every container created) in %s%n", project.name(), since(starting));
        Instant waiting = Instant.now();
        for (String service : KAFKA_NODES) {
            awaitHealthy(service, () -> project.healthy(service));
        }
        for (String service : HEALTHY_BY_THEIR_CHECK) {
            awaitHealthy(service, () -> project.healthy(service));
        }
        READY_BUT.forEach((service, check) -> awaitHealthy(
                service + " ready but for " + check, () -> health(service).readyBut(check)));
        System.out.printf("compose: every container healthy %s after up%n", since(waiting));
    }

    @AfterAll
    static void down() {
        if (project == null) {
            return;
        }
        ports.keySet()
                .forEach(service ->
                        project.saveLogs(service, state.resolve("logs").resolve(service + ".log")));
        Instant stopping = Instant.now();
        ComposeProject.Result down = project.down(DOWN);
        System.out.printf("compose: down (and its network removed) in %s%n", since(stopping));
        assertThat(down.status()).as("podman-compose down: %s", down.output()).isZero();
        assertThat(project.containers())
                .as("containers of %s after down", project.name())
                .isEmpty();
        assertThat(project.volumes())
                .as("volumes of %s after down", project.name())
                .isEmpty();
        assertThat(project.networks())
                .as("networks of %s after down", project.name())
                .isEmpty();
    }

    @Test
    void theThreeKafkaNodesAreOneCluster() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + ports.get(KAFKA_NODES.getFirst()),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000))) {
            await("three nodes in the cluster kafka-1 is in")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> admin.describeCluster().nodes().get().size(), size -> size == 3);
            assertThat(admin.describeMetadataQuorum().quorumInfo().get().voters())
                    .as("the controllers' quorum")
                    .hasSize(3);
        }
    }

    @Test
    void dropletAndNotifierServiceAreReadyButForTheServersNothingAnswersFor() {
        READY_BUT.forEach((service, check) -> {
            ServiceHealth health = health(service);
            assertThat(health.live()).as("%s live", service).isTrue();
            assertThat(health.readiness())
                    .as("%s's readiness checks", service)
                    .containsEntry(check, "DOWN")
                    .hasSizeGreaterThan(1);
            assertThat(health.readyBut(check)).as("%s: %s", service, health).isTrue();
        });
    }

    @Test
    void aSignupTheClusterTookIsOnItsTopicAndInFlightInStatusServicesView() throws Exception {
        SignupReceived signup = DemoSignups.create("compose", 1).getFirst();
        HttpResponse<String> accepted = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("api-service") + "/v1/customers"))
                        .header("Authorization", "Bearer " + api.app(APP).token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(signup)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode())
                .as("the sign-up's answer: %s", accepted.body())
                .isEqualTo(202);
        try (TopicClient kafka = new TopicClient(bootstrapServers())) {
            assertThat(kafka.readAll(EventType.SIGNUP_RECEIVED.topic()))
                    .extracting(TopicClient.TopicRecord::key)
                    .contains(signup.customerId());
        }
        await("the customer in flight in status-service's view")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> status.get("/api/customers/" + signup.customerId())
                                .body()
                                .path("state")
                                .asText(),
                        "in-flight"::equals);
    }

    private static String bootstrapServers() {
        return String.join(
                ",",
                KAFKA_NODES.stream().map(node -> "127.0.0.1:" + ports.get(node)).toList());
    }

    /** The compose variable of the port a container publishes: RAINMAKER_API_PORT, RAINMAKER_KAFKA_1_PORT. */
    private static String portVariable(String container) {
        return "RAINMAKER_"
                + container.replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT) + "_PORT";
    }

    private static ServiceHealth health(String service) {
        return ServiceHealth.of(ports.get(service));
    }

    private static void awaitHealthy(String what, BooleanSupplier healthy) {
        await(what + " healthy")
                .atMost(HEALTHY)
                .pollInterval(Duration.ofSeconds(2))
                .until(healthy::getAsBoolean);
    }

    private static String since(Instant start) {
        return String.format("%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }
}
