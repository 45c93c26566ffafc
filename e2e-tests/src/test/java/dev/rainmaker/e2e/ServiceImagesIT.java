package dev.rainmaker.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's four services from their images (deploy/images, built by this module's build before the tests run),
 * each in a Podman container as a deployment runs it, against the local cloud: customers reach ready; each image runs
 * as its own user on a read-only root file system and says what it is; every container stopped with SIGTERM stops
 * cleanly, and started again carries on with nothing lost or done twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceImagesIT {

    private static final Duration READY = Duration.ofMinutes(2);
    /** Java's exit status for a SIGTERM it handled: Quarkus ran its shutdown, then the JVM exited. */
    private static final int STOPPED_BY_SIGTERM = 143;

    private static LocalCloud cloud;
    private static TopicClient kafka;
    private static final List<ContainerRun> containers = new ArrayList<>();
    private static final Set<String> readyCustomers = new HashSet<>();

    @BeforeAll
    static void startLocalCloudAndContainers() {
        Path repository = LocalPipeline.repository();
        Path state = repository.resolve("e2e-tests/target/images");
        cloud = LocalCloud.start(LocalCloud.Options.forTests(state, Duration.ofSeconds(1)));
        kafka = new TopicClient(cloud.info().kafkaBootstrapServers());
        kafka.createTopics(
                Stream.of(EventType.values())
                        .flatMap(type -> Stream.of(type.topic(), type.deadLetterTopic()))
                        .toList(),
                KafkaBroker.DEFAULT_PARTITIONS);
        for (ServiceLaunch launch : PipelineServices.launches(repository, cloud.info(), state.resolve("logs"), 1)) {
            containers.add(ContainerRun.start(
                    launch,
                    image(PipelineServices.serviceOf(launch)),
                    state.resolve("secrets").resolve(launch.name())));
        }
        containers.forEach(container -> container.awaitReady(READY));
    }

    @AfterAll
    static void stopEverything() {
        containers.forEach(ContainerRun::remove);
        if (kafka != null) {
            kafka.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void customersBecomeReadyThroughServicesRunFromTheirImages() {
        signUpAndAwaitReady("images-first", 3);
    }

    @Test
    @Order(2)
    void eachImageRunsAsItsOwnUserOnAReadOnlyRootAndSaysWhatItIs() {
        for (ContainerRun container : containers) {
            assertThat(container.exec("id", "-u").output().strip())
                    .as("the user %s runs as", container.name())
                    .isEqualTo("10001");
            ContainerRun.Result write = container.exec("touch", "/opt/rainmaker/written");
            assertThat(write.status())
                    .as("a write to the image in %s", container.name())
                    .isNotZero();
            assertThat(write.output()).contains("Read-only file system");
            String image = image(PipelineServices.serviceOf(container.launch()));
            assertThat(ContainerRun.imageLabel(image, "org.opencontainers.image.version"))
                    .isEqualTo(System.getProperty("rainmaker.image.tag"));
            assertThat(ContainerRun.imageLabel(image, "org.opencontainers.image.revision"))
                    .matches("[0-9a-f]{40}");
            assertThat(ContainerRun.imageLabel(image, "org.opencontainers.image.source"))
                    .startsWith("https://");
        }
    }

    @Test
    @Order(3)
    void stoppedWithSigtermEachStopsCleanlyAndStartedAgainLosesNothing() {
        for (ContainerRun container : containers) {
            assertThat(container.stop(Duration.ofSeconds(30)))
                    .as("%s's exit status after SIGTERM; its log: %s", container.name(), container.logs())
                    .isEqualTo(STOPPED_BY_SIGTERM);
            assertThat(container.logs()).as("%s's log", container.name()).containsPattern("stopped in \\d");
        }
        containers.forEach(ContainerRun::restart);
        containers.forEach(container -> container.awaitReady(READY));

        signUpAndAwaitReady("images-after-restart", 2);
        assertThat(kafka.readCommitted(EventType.CUSTOMER_READY.topic()))
                .as("one CustomerReady for each customer, none twice after the restarts")
                .extracting(TopicRecord::key)
                .containsExactlyInAnyOrderElementsOf(readyCustomers);
    }

    private static void signUpAndAwaitReady(String prefix, int count) {
        List<SignupReceived> signups = DemoSignups.create(prefix, count);
        signups.forEach(signup ->
                kafka.publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));
        Set<String> customers = signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> kafka.readCommitted(EventType.CUSTOMER_READY.topic()).stream()
                        .map(TopicRecord::key)
                        .collect(Collectors.toSet())
                        .containsAll(customers));
        readyCustomers.addAll(customers);
        for (String customer : customers) {
            assertThat(cloud.digitalOcean().droplets().stream()
                            .filter(droplet -> droplet.name().equals("rm-" + customer)))
                    .as("droplets of %s", customer)
                    .hasSize(1);
        }
    }

    private static String image(String service) {
        return "localhost/rainmaker/" + service + ":" + System.getProperty("rainmaker.image.tag");
    }
}
