package dev.rainmaker.status;

import java.time.Duration;

import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CustomerStatusTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    Pipeline pipeline;

    @BeforeEach
    void connect() {
        pipeline = new Pipeline(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        pipeline.close();
    }

    @Test
    void aSignupShowsTheCustomerInFlightAtTheDropletStage() {
        pipeline.publish(TestEvents.signup("acme-1"));

        await().atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .preemptive()
                        .basic("eve", "secret")
                        .get("/api/customers/acme-1")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .body("state", equalTo("in-flight"))
                        .body("stage", equalTo("droplet"))
                        .body("email", equalTo("ops@acme-1.example")));
    }
}
