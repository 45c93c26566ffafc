package dev.rainmaker.droplet.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.inject.Inject;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A customer droplet-service gives up on, a failure reported by a later stage, and the topics made at start-up. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(DigitalOceanTestResource.class)
class FailureAndCompensationTests {

    private static final String FAILED = EventType.PROVISIONING_FAILED.topic();
    private static final String FAILED_DLQ = EventType.PROVISIONING_FAILED.deadLetterTopic();
    private static final String SIGNUPS_DLQ = EventType.SIGNUP_RECEIVED.deadLetterTopic();
    private static final String ACTIVE = EventType.DROPLET_ACTIVE.topic();
    private static final String TORN_DOWN = EventType.DROPLET_TORN_DOWN.topic();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "rainmaker.droplet.api-url")
    String apiUrl;

    @Inject
    MeterRegistry meters;

    private KafkaProducer<String, String> producer;
    private TopicReader reader;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        reader = new TopicReader(bootstrapServers, List.of(ACTIVE, SIGNUPS_DLQ, FAILED, FAILED_DLQ, TORN_DOWN));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        reader.close();
    }

    @Test
    void aRejectedSignupIsDeadLetteredWithStageReasonAndAttemptsAndReportedWithoutTheSignup() {
        send(
                EventType.SIGNUP_RECEIVED.topic(),
                "no-email-2",
                EventJson.write(new SignupReceived("no-email-2", null, "Ada", "starter", "Europe/Berlin", List.of())));

        ConsumerRecord<String, String> dead = awaitOne(SIGNUPS_DLQ, "no-email-2");
        assertThat(TopicReader.header(dead, "rainmaker-stage")).isEqualTo("validating the sign-up");
        assertThat(TopicReader.header(dead, "rainmaker-reason"))
                .isEqualTo("sign-up of customer 'no-email-2' is invalid: email is missing");
        assertThat(TopicReader.header(dead, "rainmaker-attempts")).isEqualTo("1");
        ProvisioningFailed failed =
                EventJson.read(awaitOne(FAILED, "no-email-2").value(), ProvisioningFailed.class);
        assertThat(failed.stage()).isEqualTo(ProvisioningStage.VALIDATING_SIGNUP);
        assertThat(failed.signup()).isNull();
        assertThat(failed.reason()).isEqualTo("sign-up of customer 'no-email-2' is invalid: email is missing");
        assertThat(meters.get("rainmaker.dead-letters")
                        .tags("stage", "signup", "topic", SIGNUPS_DLQ)
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("rainmaker.provisioning-failed")
                        .tags("stage", "signup", "kind", "permanent")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void aFailureInALaterStageDestroysTheCustomersDropletAndReportingItTwiceIsHarmless() throws Exception {
        send(
                EventType.SIGNUP_RECEIVED.topic(),
                "acme-fails-later",
                EventJson.write(TestEvents.signup("acme-fails-later")));
        DropletActive active =
                EventJson.read(awaitOne(ACTIVE, "acme-fails-later").value(), DropletActive.class);
        assertThat(dropletsNamed("rm-acme-fails-later")).isEqualTo(1);
        String failure = EventJson.write(new ProvisioningFailed(
                "acme-fails-later",
                active.signup(),
                ProvisioningStage.INSTALLING_STACK,
                "step 'mariadb' failed its verification",
                1,
                active.droplet().id(),
                Instant.now()));

        send(FAILED, "acme-fails-later", failure);
        await().atMost(WAIT).until(() -> dropletsNamed("rm-acme-fails-later") == 0);
        DropletTornDown tornDown =
                EventJson.read(awaitOne(TORN_DOWN, "acme-fails-later").value(), DropletTornDown.class);
        assertThat(tornDown.dropletId()).isEqualTo(active.droplet().id());
        assertThat(tornDown.reason())
                .isEqualTo("failed while installing the stack: step 'mariadb' failed its verification");
        send(FAILED, "acme-fails-later", failure);

        Thread.sleep(2000);
        assertThat(reader.records(FAILED_DLQ, "acme-fails-later")).isEmpty();
        assertThat(meters.get("rainmaker.compensations")
                        .tag("outcome", "destroyed")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.find("rainmaker.compensations")
                        .tag("outcome", "failed")
                        .counter())
                .isNull();
    }

    @Test
    void theTopicsOfEveryChannelAreCreatedAtStartUpWithTheConfiguredPartitions() throws Exception {
        Set<String> topics = Set.of(
                EventType.SIGNUP_RECEIVED.topic(),
                EventType.SIGNUP_RECEIVED.deadLetterTopic(),
                EventType.DROPLET_REQUESTED.topic(),
                EventType.DROPLET_REQUESTED.deadLetterTopic(),
                EventType.DROPLET_ACTIVE.topic(),
                FAILED,
                FAILED_DLQ);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            assertThat(admin.describeTopics(topics).allTopicNames().get().values())
                    .extracting(description -> description.partitions().size())
                    .containsOnly(3);
        }
    }

    private ConsumerRecord<String, String> awaitOne(String topic, String key) {
        return await().atMost(WAIT)
                .pollInSameThread()
                .until(() -> reader.records(topic, key), records -> !records.isEmpty())
                .getFirst();
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private int dropletsNamed(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apiUrl + "/v2/droplets?name=" + name))
                                .header("Authorization", "Bearer " + DigitalOceanTestResource.TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body()).getJsonObject("meta").getInteger("total");
    }
}
