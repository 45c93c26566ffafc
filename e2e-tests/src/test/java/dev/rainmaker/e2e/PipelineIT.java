package dev.rainmaker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.rainmaker.cli.AotCache;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole pipeline: the local cloud in this JVM, the four packaged services as real processes; then status-service
 * and api-service in front of it ({@link ApiJourney}); and no secret of the run anywhere it must not be.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);

    private static LocalPipeline pipeline;
    private static Path logs;
    private static LocalCloud cloud;
    private static TopicClient kafka;
    /** The secrets the API's journey made (tokens, a webhook secret, passwords), checked with the pipeline's. */
    private static final Map<String, String> apiSecrets = new LinkedHashMap<>();

    @BeforeAll
    static void startLocalCloudAndServices() {
        pipeline = LocalPipeline.start("e2e", 1);
        logs = pipeline.logs();
        cloud = pipeline.cloud();
        kafka = pipeline.kafka();
    }

    @AfterAll
    static void stopEverything() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void fiveSignupsEachBecomeReadyWithOneEventPerTopicOneDropletAndOneEmail() {
        List<SignupReceived> signups = DemoSignups.create("e2e-five", 5);
        Set<String> customers = signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());

        signups.forEach(signup ->
                kafka.publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));

        awaitReady(customers);
        assertThat(recordsOf(EventType.PROVISIONING_FAILED.topic(), customers))
                .as("provisioning failures of customers that became ready")
                .isEmpty();
        assertThat(recordsOf(EventType.DROPLET_TORN_DOWN.topic(), customers))
                .as("droplets torn down of customers that became ready")
                .isEmpty();
        for (EventType type : EventType.values()) {
            if (type == EventType.PROVISIONING_FAILED || type == EventType.DROPLET_TORN_DOWN) {
                continue;
            }
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
    @Order(2)
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
        assertThat(deadLetters.get(noEmail.customerId()).header("rainmaker-stage"))
                .isEqualTo("validating the sign-up");
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> recordsOf(EventType.PROVISIONING_FAILED.topic(), Set.of(noEmail.customerId())),
                                failures -> !failures.isEmpty()))
                .as("the rejected sign-up reported as failed; the unreadable one names no customer")
                .hasSize(1);
        assertThat(recordsOf(EventType.PROVISIONING_FAILED.topic(), Set.of("e2e-not-json")))
                .isEmpty();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mailsTo("ops@rainmaker.example").stream()
                        .anyMatch(mail -> mail.textBody().contains(noEmail.customerId())));
    }

    @Test
    @Order(3)
    void signUpsThroughTheApiReachReadyWithSignedWebhooksIdempotentRetriesAndNothingLostWhenAnInstanceDies()
            throws Exception {
        apiSecrets.putAll(ApiJourney.run(pipeline));
    }

    @Test
    @Order(4)
    void noSecretAppearsInAnyTopicServiceLogOrEmail() throws Exception {
        Map<String, String> secrets = PipelineSecrets.of(cloud);
        secrets.putAll(apiSecrets);
        assertThat(secrets.keySet())
                .as("database passwords generated on the droplets")
                .filteredOn(what -> what.endsWith("database password"))
                .hasSize(cloud.digitalOcean().droplets().size());

        Map<String, String> places = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            for (String topic : List.of(type.topic(), type.deadLetterTopic())) {
                kafka.readAll(topic)
                        .forEach(record -> places.merge(
                                "topic " + topic,
                                record.key() + " " + record.headers() + " " + record.value(),
                                String::concat));
            }
        }
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                places.put("log " + log.getFileName(), Files.readString(log));
            }
        }
        cloud.smtp()
                .receivedMessages()
                .forEach(mail ->
                        places.merge("emails", mail.subject() + mail.textBody() + mail.htmlBody(), String::concat));

        assertThat(places).as("places scanned").containsKeys("topic rainmaker.customer-ready", "emails");
        PipelineSecrets.assertNoneIn(secrets, places);
    }

    @Test
    @Order(5)
    void eachServiceRunsFromTheAotCacheItsTrainingRunWrote() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25 or later");
        for (ServiceProcess service : pipeline.services()) {
            String name = service.name().replaceFirst("-\\d+$", "");
            AotCache cache =
                    PipelineServices.aotCache(LocalPipeline.repository(), name).orElseThrow();
            assertThat(cache.isCurrent()).as("%s's AOT cache is current", name).isTrue();
            assertThat(Files.readString(Path.of("/proc", String.valueOf(service.pid()), "maps")))
                    .as("what %s has mapped", service.name())
                    .contains(cache.file().toRealPath().toString());
        }
    }

    /** The base64 lines of every PEM or OpenSSH private key in {@code text}: any one of them found elsewhere is a leak. */
    private static List<StandInDroplet> dropletsOf(String customerId) {
        return pipeline.dropletsOf(customerId);
    }

    private static List<ReceivedMail> mailsTo(String address) {
        return pipeline.mailsTo(address);
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
        return pipeline.recordsOf(topic, customers);
    }
}
