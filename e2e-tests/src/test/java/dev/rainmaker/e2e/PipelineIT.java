package dev.rainmaker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.digitalocean.StandInDroplet;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import dev.rainmaker.localcloud.smtp.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole pipeline: the local cloud in this JVM, the four packaged services as real processes. */
class PipelineIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);

    private static LocalCloud cloud;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static TopicClient kafka;

    @BeforeAll
    static void startLocalCloudAndServices() throws Exception {
        Path repository = Path.of(System.getProperty("rainmaker.home", "..")).toAbsolutePath();
        Path state = Files.createDirectories(repository.resolve("e2e-tests/target/e2e"));
        cloud = LocalCloud.start(LocalCloud.Options.forTests(state, Duration.ofSeconds(1)));
        kafka = new TopicClient(cloud.info().kafkaBootstrapServers());
        for (ServiceLaunch launch : PipelineServices.launches(repository, cloud.info(), state.resolve("logs"), 1)) {
            services.add(ServiceProcess.start(launch));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stopEverything() {
        services.forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void fiveSignupsEachBecomeReadyWithOneEventPerTopicOneDropletAndOneEmail() {
        List<SignupReceived> signups = DemoSignups.create("e2e-five", 5);
        Set<String> customers = signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());

        signups.forEach(signup ->
                kafka.publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));

        awaitReady(customers);
        for (EventType type : EventType.values()) {
            List<TopicRecord> records = recordsOf(type.topic(), customers);
            assertThat(records)
                    .as("one %s per customer, keyed by customer id", type.topic())
                    .extracting(TopicRecord::key)
                    .containsExactlyInAnyOrderElementsOf(customers);
            if (type != EventType.SIGNUP_RECEIVED) {
                assertThat(records)
                        .as("CloudEvents headers on %s", type.topic())
                        .allSatisfy(record -> assertThat(record.headers())
                                .containsEntry("ce_type", type.cloudEventType())
                                .containsEntry("ce_subject", record.key())
                                .containsKeys("ce_id", "ce_source", "ce_time"));
            }
        }
        for (SignupReceived signup : signups) {
            assertThat(dropletsOf(signup.customerId()))
                    .as("droplets of %s", signup.customerId())
                    .hasSize(1);
            CustomerReady ready = readyEventOf(signup.customerId());
            assertThat(mailsTo(signup.email()))
                    .as("emails to %s", signup.email())
                    .singleElement()
                    .satisfies(mail -> {
                        assertThat(mail.subject()).isEqualTo("Your Rainmaker server is ready");
                        assertThat(mail.textBody())
                                .contains("Hello " + signup.contactName())
                                .contains(ready.appUrl())
                                .contains(ready.droplet().hostKeyFingerprint());
                    });
        }
    }

    @Test
    void badSignupsAreDeadLetteredWithAReasonAndAValidSignupAfterThemStillCompletes() {
        SignupReceived valid = DemoSignups.create("e2e-after-bad", 1).getFirst();
        SignupReceived noEmail = DemoSignups.create("e2e-no-email", 1).getFirst();
        String noEmailJson = EventJson.write(noEmail).replace("\"" + noEmail.email() + "\"", "null");

        kafka.publish(EventType.SIGNUP_RECEIVED.topic(), "e2e-not-json", "this is not JSON {");
        kafka.publish(EventType.SIGNUP_RECEIVED.topic(), noEmail.customerId(), noEmailJson);
        kafka.publish(EventType.SIGNUP_RECEIVED.topic(), valid.customerId(), EventJson.write(valid));

        awaitReady(Set.of(valid.customerId()));
        Map<String, TopicRecord> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> recordsOf(
                                        EventType.SIGNUP_RECEIVED.deadLetterTopic(),
                                        Set.of("e2e-not-json", noEmail.customerId()))
                                .stream()
                                .collect(Collectors.toMap(TopicRecord::key, Function.identity(), (a, b) -> a)),
                        letters -> letters.size() == 2);
        assertThat(deadLetters.get("e2e-not-json").header("dead-letter-reason"))
                .startsWith("the SignupReceived event is not valid JSON");
        assertThat(deadLetters.get(noEmail.customerId()).header("dead-letter-reason"))
                .containsIgnoringCase("email");
        assertThat(dropletsOf(noEmail.customerId())).isEmpty();
    }

    private static List<StandInDroplet> dropletsOf(String customerId) {
        return cloud.digitalOcean().droplets().stream()
                .filter(droplet -> droplet.tags().contains("rainmaker-customer-" + customerId))
                .toList();
    }

    private static List<ReceivedMail> mailsTo(String address) {
        return cloud.smtp().receivedMessages().stream()
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    private static void awaitReady(Set<String> customers) {
        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        recordsOf(EventType.CUSTOMER_READY.topic(), customers).size() >= customers.size());
    }

    private static CustomerReady readyEventOf(String customerId) {
        return recordsOf(EventType.CUSTOMER_READY.topic(), Set.of(customerId)).stream()
                .map(record -> EventJson.read(record.value(), CustomerReady.class))
                .findFirst()
                .orElseThrow();
    }

    private static List<TopicRecord> recordsOf(String topic, Set<String> customers) {
        return kafka.readAll(topic).stream()
                .filter(record -> customers.contains(record.key()))
                .toList();
    }
}
