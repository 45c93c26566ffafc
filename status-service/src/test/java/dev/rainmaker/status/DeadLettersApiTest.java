package dev.rainmaker.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.EventType;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.status.Api.asEve;
import static dev.rainmaker.status.Api.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DeadLettersApiTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    Pipeline pipeline;

    @BeforeEach
    void connect() {
        pipeline = new Pipeline(bootstrapServers);
        Api.awaitView();
    }

    @AfterEach
    void disconnect() {
        pipeline.close();
    }

    @Test
    void aDeadLetterIsListedThenReplayedOnceAndTheViewShowsTheReplay() {
        String customer = "dl-replay";
        pipeline.publish(TestEvents.signup(customer));
        pipeline.deadLetter(
                TestEvents.signup(customer), "validating the sign-up", "plan 'huge' is not offered", 1, "permanent");

        List<Map<String, Object>> letters = await().atMost(WAIT)
                .until(
                        () -> asEve().get("/api/dead-letters?customer=" + customer)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("$"),
                        list -> list.size() == 1);
        Map<String, Object> letter = letters.getFirst();
        assertThat(letter)
                .containsEntry("topic", "rainmaker.signup-received.dlq")
                .containsEntry("originalTopic", "rainmaker.signup-received")
                .containsEntry("customerId", customer)
                .containsEntry("stage", "droplet")
                .containsEntry("reason", "plan 'huge' is not offered")
                .containsEntry("attempts", 1)
                .containsEntry("failure", "permanent")
                .containsEntry("replayed", false);
        String position = "rainmaker.signup-received.dlq/" + letter.get("partition") + "/" + letter.get("offset");
        String path = "/api/dead-letters/" + position + "/replay";

        asOps().header("X-Rainmaker-Console", "1")
                .post(path)
                .then()
                .statusCode(200)
                .body("replayed.customerId", equalTo(customer))
                .body("replayed.replayed", equalTo(true));
        asOps().header("X-Rainmaker-Console", "1")
                .post(path)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/already-replayed"));

        assertThat(pipeline.kafka().readAll(EventType.SIGNUP_RECEIVED.topic()).stream()
                        .filter(record -> customer.equals(record.key())))
                .hasSize(2);
        asEve().get("/api/dead-letters?customer=" + customer).then().body("[0].replayed", equalTo(true));
        await().atMost(WAIT)
                .untilAsserted(() -> asEve().get("/api/customers/" + customer)
                        .then()
                        .body("state", equalTo("in-flight"))
                        .body("stage", equalTo("droplet"))
                        .body("timeline.kind", equalTo(List.of("event", "dead-letter", "event", "replay")))
                        .body("timeline[2].summary", endsWith(" (replayed from " + position + ")")));
    }

    @Test
    void anUnknownDeadLetterIs404AndAMalformedPositionIs400() {
        asOps().header("X-Rainmaker-Console", "1")
                .post("/api/dead-letters/rainmaker.signup-received.dlq/0/999999/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/unknown-dead-letter"));
        asOps().header("X-Rainmaker-Console", "1")
                .post("/api/dead-letters/rainmaker.signup-received.dlq/x/0/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/malformed-position"));
    }
}
