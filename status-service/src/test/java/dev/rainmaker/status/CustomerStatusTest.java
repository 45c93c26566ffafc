package dev.rainmaker.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.status.Api.asEve;
import static org.assertj.core.api.Assertions.assertThat;
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
        Api.awaitView();
    }

    @AfterEach
    void disconnect() {
        pipeline.close();
    }

    @Test
    void aSignupShowsTheCustomerInFlightAtTheDropletStage() {
        pipeline.publish(TestEvents.signup("acme-1"));

        await().atMost(WAIT)
                .untilAsserted(() -> asEve().get("/api/customers/acme-1")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("in-flight"))
                        .body("stage", equalTo("droplet"))
                        .body("email", equalTo("ops@acme-1.example"))
                        .body("timeline[0].kind", equalTo("event"))
                        .body("timeline[0].summary", equalTo("signed up for plan starter (ops@acme-1.example)")));
    }

    @Test
    void aCustomerThroughTheWholePipelineIsReadyWithDropletStackAndATimelineInOrder() {
        String customer = "acme-ready";
        pipeline.publish(TestEvents.signup(customer));
        pipeline.publish(TestEvents.requested(customer));
        pipeline.publish(TestEvents.active(customer, 4012));
        pipeline.publish(TestEvents.hardened(customer, 4012));
        pipeline.publish(TestEvents.installed(customer, 4012));
        pipeline.publish(TestEvents.ready(customer, 4012));

        JsonPath body = await().atMost(WAIT)
                .until(
                        () -> asEve().get("/api/customers/" + customer)
                                .then()
                                .extract()
                                .jsonPath(),
                        json -> "ready".equals(json.getString("state"))
                                && json.getList("timeline").size() == 6);

        assertThat(body.getString("stage")).isNull();
        assertThat(body.getBoolean("stuck")).isFalse();
        assertThat(body.getMap("droplet"))
                .containsEntry("id", 4012)
                .containsEntry("ip", "127.10.0.9")
                .containsEntry("image", "debian-12-x64")
                .containsEntry("hostKeyFingerprint", "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        assertThat(body.getMap("components")).isEqualTo(Map.of("nginx", "1.22.1", "mariadb", "10.11.6"));
        assertThat(body.getString("appUrl")).isEqualTo("http://127.10.0.9/");
        assertThat(body.<String>getList("timeline.type"))
                .containsExactly(
                        "SignupReceived",
                        "DropletRequested",
                        "DropletActive",
                        "HostHardened",
                        "StackInstalled",
                        "CustomerReady");
        assertThat(body.<String>getList("timeline.stage"))
                .containsExactly("droplet", "droplet", "hardening", "stack", "email", null);
        assertThat(body.getString("timeline[2].summary")).isEqualTo("droplet 4012 active at 127.10.0.9");
        assertThat(body.getString("timeline[4].summary"))
                .isEqualTo("stack installed: mariadb 10.11.6, nginx 1.22.1; app at http://127.10.0.9/");
        assertThat(body.getString("timeline[2].topic")).isEqualTo("rainmaker.droplet-active");
        List<String> times = body.getList("timeline.at");
        assertThat(times).isSorted();
    }

    @Test
    void aDeadLetteredCustomerFailsWithStageReasonAttemptsAndIsTornDownByTheCompensation() {
        String customer = "acme-fails";
        pipeline.publish(TestEvents.signup(customer));
        pipeline.publish(TestEvents.active(customer, 77));
        pipeline.deadLetter(
                TestEvents.active(customer, 77), "hardening the host", "refused root login", 3, "budget-spent");
        pipeline.publish(new ProvisioningFailed(
                customer,
                TestEvents.signup(customer),
                ProvisioningStage.HARDENING_HOST,
                "refused root login",
                3,
                77L,
                Instant.now(),
                FailureKind.BUDGET_SPENT));

        await().atMost(WAIT)
                .untilAsserted(() -> asEve().get("/api/customers/" + customer)
                        .then()
                        .body("state", equalTo("failed"))
                        .body("failedStage", equalTo("hardening"))
                        .body("reason", equalTo("refused root login"))
                        .body("failure", equalTo("budget-spent"))
                        .body("timeline.kind", equalTo(List.of("event", "event", "dead-letter", "failed")))
                        .body("timeline[2].attempts", equalTo(3))
                        .body("timeline[2].topic", equalTo("rainmaker.droplet-active.dlq"))
                        .body("timeline[2].summary", equalTo("dead-lettered after 3 attempts: refused root login")));

        pipeline.publish(new DropletTornDown(
                customer, 77, "failed while hardening the host: refused root login", Instant.now()));

        await().atMost(WAIT)
                .untilAsserted(() -> asEve().get("/api/customers/" + customer)
                        .then()
                        .body("state", equalTo("torn-down"))
                        .body("failedStage", equalTo("hardening"))
                        .body("reason", equalTo("refused root login"))
                        .body("timeline[4].kind", equalTo("compensation"))
                        .body(
                                "timeline[4].summary",
                                equalTo("droplet 77 torn down: failed while hardening the host: refused root login")));
    }

    @Test
    void aReplayedDeadLetterPutsTheCustomerBackInFlightAtItsStage() {
        String customer = "acme-replayed";
        pipeline.publish(TestEvents.signup(customer));
        pipeline.publish(TestEvents.active(customer, 78));
        pipeline.deadLetter(TestEvents.active(customer, 78), "hardening the host", "host unreachable", 5, "permanent");
        await().atMost(WAIT)
                .untilAsserted(
                        () -> asEve().get("/api/customers/" + customer).then().body("state", equalTo("failed")));

        pipeline.replayLogged("rainmaker.droplet-active.dlq/0/0", customer);

        await().atMost(WAIT)
                .untilAsserted(
                        () -> asEve().get("/api/customers/" + customer)
                                .then()
                                .body("state", equalTo("in-flight"))
                                .body("stage", equalTo("hardening"))
                                .body("reason", equalTo(null))
                                .body("timeline[3].kind", equalTo("replay"))
                                .body(
                                        "timeline[3].summary",
                                        equalTo(
                                                "dead letter rainmaker.droplet-active.dlq/0/0 replayed to rainmaker.droplet-active")));
    }

    @Test
    void aCustomerPastItsStageDeadlineIsStuck() {
        String customer = "acme-stuck";
        pipeline.publish(TestEvents.signup(customer));

        // The test profile gives the droplet stage a 3 s deadline.
        await().atMost(WAIT)
                .untilAsserted(() -> asEve().get("/api/customers/" + customer)
                        .then()
                        .body("state", equalTo("in-flight"))
                        .body("stuck", equalTo(true)));
        asEve().get("/api/customers?stuck=true&q=ACME-STUCK")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customerId", equalTo(customer))
                .body("items[0].timeline", equalTo(null));
    }
}
