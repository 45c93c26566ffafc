package dev.rainmaker.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.rainmaker.cli.ApiSettings;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.Container.ExecResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service from its image (built with its AOT cache by {@code ./rainmaker images} in this module's build before
 * the tests run), each in a container that Testcontainers runs as a deployment runs it ({@link ServiceContainer}; by
 * default through Podman's Docker API, {@link PodmanApiExtension}), against the local cloud with Kafka as deployed, a
 * cluster of three brokers, and droplets that are real Debian hosts in containers of the same engine (systemd, sshd,
 * ufw; {@code --hosts containers}), which bootstrap-service hardens and stack-service installs and checks from outside
 * for real: customers signed up on Kafka and through api-service reach ready, and api-service reads it from
 * status-service's view; each image runs as its own user on a read-only root file system, starts from the AOT cache
 * trained in it, and says what it is; every container stopped with SIGTERM stops cleanly, and started again carries
 * on: each customer has one event per stage, one droplet and one email, nothing failed or dead-lettered.
 */
@ExtendWith(PodmanApiExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainersIT {

    private static final Duration READY = Duration.ofMinutes(2);
    /** Real package installs on four hosts at once, on a shared two-core machine (about 6 minutes in CI). */
    private static final Duration PIPELINE = Duration.ofMinutes(12);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Java's exit status for a SIGTERM it handled: Quarkus ran its shutdown, then the JVM exited. */
    private static final int STOPPED_BY_SIGTERM = 143;

    private static final String APP = "acme";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalCloud cloud;
    private static ApiSettings api;
    private static TopicClient kafka;
    private static final List<ServiceContainer> containers = new ArrayList<>();
    /** Every customer made ready, and the address their email went to. */
    private static final Map<String, String> emailOf = new HashMap<>();

    private static Instant started;

    @BeforeAll
    static void startLocalCloudAndContainers() {
        started = Instant.now();
        Path repository = LocalPipeline.repository();
        Path state = repository.resolve("e2e-tests/target/containers");
        // The droplets' hosts are containers too (ContainerHosts): one pipeline run covers both.
        cloud = LocalPipeline.startCloud(
                state,
                Duration.ofSeconds(1),
                options -> options.withBrokers(3).withHostKind(LocalCloud.HostKind.CONTAINERS));
        kafka = new TopicClient(cloud.info().kafkaBootstrapServers());
        System.out.printf("containers: local cloud (3 Kafka brokers, container hosts) up in %s%n", since(started));
        Path logs = state.resolve("logs");
        List<ServiceLaunch> launches = new ArrayList<>(PipelineServices.launches(repository, cloud.info(), logs, 1));
        StatusUsers users = StatusUsers.generate();
        ServiceLaunch status = users.applyTo(
                        PipelineServices.launch(repository, cloud.info(), logs, PipelineServices.STATUS_SERVICE, 1))
                // The view in the container's tmpfs: a container started again restores it from its changelog.
                .withSystemProperty("kafka-streams.state.dir", "/tmp/status-view");
        launches.add(status);
        api = new ApiSettings(
                List.of(ApiSettings.App.generate(APP, 100, 100)),
                URI.create("http://127.0.0.1:" + status.httpPort()),
                StatusUsers.VIEWER,
                users.viewerPassword());
        launches.add(
                api.applyTo(PipelineServices.launch(repository, cloud.info(), logs, PipelineServices.API_SERVICE, 1)));
        for (ServiceLaunch launch : launches) {
            containers.add(ServiceContainer.of(
                    launch,
                    image(PipelineServices.serviceOf(launch)),
                    state.resolve("secrets").resolve(launch.name()),
                    List.of("-Xlog:aot=info"),
                    READY));
        }
        Instant starting = Instant.now();
        ServiceContainer.start(containers);
        System.out.printf("containers: %d containers started and ready in %s%n", containers.size(), since(starting));
    }

    @AfterAll
    static void stopEverything() {
        containers.forEach(ServiceContainer::close);
        if (kafka != null) {
            kafka.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        System.out.printf("containers: %s in all%n", since(started));
    }

    @Test
    @Order(1)
    void customersSignedUpOnKafkaAndThroughTheApiBecomeReady() throws Exception {
        Instant signingUp = Instant.now();
        List<SignupReceived> onKafka = signUp("containers-first", 3);
        SignupReceived throughApi = DemoSignups.create("containers-api", 1).getFirst();
        HttpResponse<String> accepted = HTTP.send(
                apiRequest("/v1/customers")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(throughApi)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode())
                .as("the sign-up's answer: %s", accepted.body())
                .isEqualTo(202);

        awaitReadyOnOneDroplet(onKafka);
        // api-service answers from status-service's view: both containers take part.
        await().atMost(PIPELINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> HTTP.send(
                                        apiRequest("/v1/customers/" + throughApi.customerId())
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body(),
                        body -> body.contains("\"state\":\"ready\""));
        emailOf.put(throughApi.customerId(), throughApi.email());
        System.out.printf(
                "containers: 3 sign-ups on Kafka and 1 through api-service (read back from it) ready in %s%n",
                since(signingUp));
    }

    @Test
    @Order(2)
    void eachImageRunsAsItsOwnUserOnAReadOnlyRootFromItsAotCacheAndSaysWhatItIs() {
        for (ServiceContainer container : containers) {
            assertThat(container.logs())
                    .as("%s's log", container.name())
                    .contains("Opened AOT cache /opt/rainmaker/")
                    .doesNotContainIgnoringCase("unable to use AOT cache");
            assertThat(container.exec("id", "-u").getStdout().strip())
                    .as("the user %s runs as", container.name())
                    .isEqualTo("10001");
            ExecResult write = container.exec("touch", "/opt/rainmaker/written");
            assertThat(write.getExitCode())
                    .as("a write to the image in %s", container.name())
                    .isNotZero();
            assertThat(write.getStderr()).contains("Read-only file system");
            Map<String, String> labels = container.imageLabels();
            assertThat(labels)
                    .as("%s's image's labels", container.name())
                    .containsEntry("org.opencontainers.image.version", System.getProperty("rainmaker.image.tag"));
            assertThat(labels.get("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
            assertThat(labels.get("org.opencontainers.image.source")).isNotBlank();
        }
    }

    @Test
    @Order(3)
    void stoppedWithSigtermEachStopsCleanlyAndStartedAgainLosesNothing() {
        Instant stopping = Instant.now();
        ServiceContainer.stop(containers, STOP_GRACE);
        System.out.printf("containers: stopped with SIGTERM in %s%n", since(stopping));
        for (ServiceContainer container : containers) {
            assertThat(container.exitStatus())
                    .as("%s's exit status after SIGTERM; its log: %s", container.name(), container.logs())
                    .isEqualTo(STOPPED_BY_SIGTERM);
            assertThat(container.logs()).as("%s's log", container.name()).containsPattern("stopped in \\d");
        }
        Instant restarting = Instant.now();
        ServiceContainer.restart(containers);
        System.out.printf("containers: started again and ready in %s%n", since(restarting));

        Instant signingUp = Instant.now();
        awaitReadyOnOneDroplet(signUp("containers-after-restart", 1));
        System.out.printf("containers: 1 sign-up after the restart ready in %s%n", since(signingUp));
        Set<String> customers = emailOf.keySet();
        for (EventType type : EventType.values()) {
            List<String> keys = kafka.readCommitted(type.topic()).stream()
                    .map(TopicRecord::key)
                    .filter(customers::contains)
                    .toList();
            if (type == EventType.PROVISIONING_FAILED || type == EventType.DROPLET_TORN_DOWN) {
                assertThat(keys)
                        .as("%s of customers that became ready", type.topic())
                        .isEmpty();
            } else {
                assertThat(keys)
                        .as("one %s per customer, none twice after the restarts", type.topic())
                        .containsExactlyInAnyOrderElementsOf(customers);
            }
            assertThat(kafka.readAll(type.deadLetterTopic()))
                    .as(type.deadLetterTopic())
                    .isEmpty();
        }
        emailOf.forEach((customer, email) -> assertThat(cloud.smtp().receivedMessages())
                .as("emails to %s", email)
                .filteredOn(mail -> mail.to().contains(email))
                .hasSize(1));
    }

    /** Sign-ups published on Kafka, all at once: their hosts boot and install side by side. */
    private static List<SignupReceived> signUp(String prefix, int count) {
        List<SignupReceived> signups = DemoSignups.create(prefix, count);
        signups.forEach(signup ->
                kafka.publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));
        return signups;
    }

    private static void awaitReadyOnOneDroplet(List<SignupReceived> signups) {
        Set<String> customers = signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
        try {
            await().atMost(PIPELINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> kafka.readCommitted(EventType.CUSTOMER_READY.topic()).stream()
                            .map(TopicRecord::key)
                            .collect(Collectors.toSet())
                            .containsAll(customers));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not all ready within " + PIPELINE + "; each one's last event: " + lastEvents(customers)
                            + "; the services' last log lines about their droplets:\n"
                            + String.join("\n", lastLogLinesAbout(customers)),
                    e);
        }
        signups.forEach(signup -> emailOf.put(signup.customerId(), signup.email()));
        for (String customer : customers) {
            assertThat(cloud.digitalOcean().droplets().stream()
                            .filter(droplet -> droplet.name().equals("rm-" + customer)))
                    .as("droplets of %s", customer)
                    .hasSize(1);
        }
    }

    /**
     * Where each customer got to, so that a run that gives up says at which stage, and since when, a host stalled
     * (a container host's apt-get once hung in hardening without a trace in the test's output).
     */
    private static Map<String, String> lastEvents(Set<String> customers) {
        Map<String, TopicRecord> last = new HashMap<>();
        for (EventType type : EventType.values()) {
            for (String topic : List.of(type.topic(), type.deadLetterTopic())) {
                for (TopicRecord record : kafka.readAll(topic)) {
                    if (customers.contains(record.key())) {
                        last.merge(record.key(), record, (a, b) -> b.timestamp() >= a.timestamp() ? b : a);
                    }
                }
            }
        }
        Map<String, String> where = new TreeMap<>();
        customers.forEach(customer -> where.put(
                customer,
                Optional.ofNullable(last.get(customer))
                        .map(record -> record.topic() + " at " + Instant.ofEpochMilli(record.timestamp())
                                + Optional.ofNullable(record.header("dead-letter-reason"))
                                        .map(reason -> " (" + reason + ")")
                                        .orElse(""))
                        .orElse("nothing")));
        return where;
    }

    /**
     * The lines naming a customer or its droplet ({@code rm-<customer>}), such as "apt-get, dpkg still running on
     * droplet rm-... after 12 min": what each service last did for them and saw on their host; the last eight of each service.
     */
    private static List<String> lastLogLinesAbout(Set<String> customers) {
        List<String> lastOfEach = new ArrayList<>();
        for (ServiceContainer container : containers) {
            List<String> lines = logLines(container)
                    .filter(line -> customers.stream().anyMatch(line::contains))
                    .toList();
            lastOfEach.add(container.name() + ":");
            lastOfEach.addAll(lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        }
        return lastOfEach;
    }

    private static Stream<String> logLines(ServiceContainer container) {
        try {
            return container.logs().lines();
        } catch (RuntimeException gone) {
            return Stream.of(container.name() + ": no logs (" + gone.getMessage() + ")");
        }
    }

    private static HttpRequest.Builder apiRequest(String path) {
        ServiceLaunch door = containers.getLast().launch();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + door.httpPort() + path))
                .header("Authorization", "Bearer " + api.app(APP).token());
    }

    private static String since(Instant start) {
        return String.format("%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private static String image(String service) {
        return "localhost/rainmaker/" + service + ":" + System.getProperty("rainmaker.image.tag");
    }
}
