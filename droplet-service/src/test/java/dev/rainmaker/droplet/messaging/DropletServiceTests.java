package dev.rainmaker.droplet.messaging;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
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

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(DigitalOceanTestResource.class)
class DropletServiceTests {

    private static final String SIGNUPS = EventType.SIGNUP_RECEIVED.topic();
    private static final String REQUESTS = EventType.DROPLET_REQUESTED.topic();
    private static final String ACTIVE = EventType.DROPLET_ACTIVE.topic();
    private static final String SIGNUPS_DLQ = EventType.SIGNUP_RECEIVED.deadLetterTopic();
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "rainmaker.droplet.api-url")
    String apiUrl;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    private KafkaProducer<String, String> producer;
    private TopicReader reader;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        reader = new TopicReader(bootstrapServers, List.of(REQUESTS, ACTIVE, SIGNUPS_DLQ));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        reader.close();
    }

    @Test
    void aValidSignupGetsExactlyOneDropletRequestedAndOneDropletActiveWithCloudEventsHeaders() throws Exception {
        send(SIGNUPS, "acme-valid", EventJson.write(TestEvents.signup("acme-valid")));

        ConsumerRecord<String, String> active = awaitOne(ACTIVE, "acme-valid");
        ConsumerRecord<String, String> requested =
                reader.records(REQUESTS, "acme-valid").getFirst();

        assertThat(TopicReader.header(requested, "ce_type")).isEqualTo(EventType.DROPLET_REQUESTED.cloudEventType());
        assertThat(TopicReader.header(requested, "ce_subject")).isEqualTo("acme-valid");
        assertThat(TopicReader.header(requested, "ce_source")).isEqualTo("rainmaker/droplet-service");
        assertThat(TopicReader.header(requested, "ce_id")).isNotBlank();
        assertThat(EventJson.read(requested.value(), DropletRequested.class).droplet())
                .isEqualTo(new DropletSpec("rm-acme-valid", "s-1vcpu-1gb", "debian-12-x64", "fra1"));

        assertThat(TopicReader.header(active, "ce_type")).isEqualTo(EventType.DROPLET_ACTIVE.cloudEventType());
        assertThat(TopicReader.header(active, "ce_subject")).isEqualTo("acme-valid");
        DropletActive event = EventJson.read(active.value(), DropletActive.class);
        assertThat(event.droplet().name()).isEqualTo("rm-acme-valid");
        assertThat(event.droplet().publicIpv4()).startsWith("127.10.0.");
        assertThat(event.droplet().hostKeyFingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
        assertThat(event.signup()).isEqualTo(TestEvents.signup("acme-valid"));

        Thread.sleep(1000);
        assertThat(reader.records(REQUESTS, "acme-valid")).hasSize(1);
        assertThat(reader.records(ACTIVE, "acme-valid")).hasSize(1);
        JsonObject tagged = dropletsNamed("rm-acme-valid");
        assertThat(tagged.getJsonObject("meta").getInteger("total")).isEqualTo(1);
        assertThat(tagged.getJsonArray("droplets").getJsonObject(0).getJsonArray("tags"))
                .contains(
                        "rainmaker",
                        "rainmaker-hostkey-" + hexOf(event.droplet().hostKeyFingerprint()));
    }

    @Test
    void aRedeliveredDropletRequestLeavesExactlyOneDroplet() throws Exception {
        String request = EventJson.write(new DropletRequested(
                TestEvents.signup("acme-twice"),
                new DropletSpec("rm-acme-twice", "s-1vcpu-1gb", "debian-12-x64", "fra1")));

        send(REQUESTS, "acme-twice", request);
        send(REQUESTS, "acme-twice", request);

        await().atMost(PIPELINE)
                .pollInSameThread()
                .untilAsserted(
                        () -> assertThat(reader.records(ACTIVE, "acme-twice")).hasSize(2));
        List<Long> dropletIds = reader.records(ACTIVE, "acme-twice").stream()
                .map(r ->
                        EventJson.read(r.value(), DropletActive.class).droplet().id())
                .distinct()
                .toList();
        assertThat(dropletIds).hasSize(1);
        assertThat(dropletsNamed("rm-acme-twice").getJsonObject("meta").getInteger("total"))
                .isEqualTo(1);
    }

    @Test
    void signupsThatAreNotJsonOrLackAnEmailAreDeadLetteredWithTheReasonAndLaterSignupsStillComplete() {
        send(SIGNUPS, "broken-json", "this is not JSON");
        send(
                SIGNUPS,
                "no-email",
                EventJson.write(new SignupReceived("no-email", null, "Ada", "starter", "Europe/Berlin", List.of())));
        send(SIGNUPS, "after-bad-ones", EventJson.write(TestEvents.signup("after-bad-ones")));

        ConsumerRecord<String, String> notJson = awaitOne(SIGNUPS_DLQ, "broken-json");
        ConsumerRecord<String, String> noEmail = awaitOne(SIGNUPS_DLQ, "no-email");

        assertThat(notJson.value()).isEqualTo("this is not JSON");
        assertThat(TopicReader.header(notJson, "dead-letter-reason"))
                .contains("the SignupReceived event is not valid JSON");
        assertThat(TopicReader.header(noEmail, "dead-letter-reason"))
                .isEqualTo("sign-up of customer 'no-email' is invalid: email is missing");
        awaitOne(ACTIVE, "after-bad-ones");
    }

    @Test
    void theServiceIsReadyWhenDigitalOceanAcceptsItsToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(readiness.toURI()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"digitalocean\"");
    }

    @Test
    void callsToDigitalOceanAreCountedByMethodEndpointStatusAndOutcomeAndTheConsumersLagIsExported() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics.toURI()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body())
                .containsPattern("rainmaker_digitalocean_calls_total\\{endpoint=\"/v2/droplets\",method=\"GET\","
                        + "outcome=\"success\",status=\"200\",?} [1-9]")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*"
                        + "client_id=\"kafka-consumer-signups-in\"");
    }

    private ConsumerRecord<String, String> awaitOne(String topic, String key) {
        await().atMost(PIPELINE)
                .pollInSameThread()
                .untilAsserted(() -> assertThat(reader.records(topic, key)).isNotEmpty());
        return reader.records(topic, key).getFirst();
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private JsonObject dropletsNamed(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apiUrl + "/v2/droplets?name=" + name))
                                .header("Authorization", "Bearer " + DigitalOceanTestResource.TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body());
    }

    private static String hexOf(String fingerprint) {
        byte[] sha256 = Base64.getDecoder().decode(fingerprint.substring("SHA256:".length()));
        return HexFormat.of().formatHex(sha256);
    }
}
