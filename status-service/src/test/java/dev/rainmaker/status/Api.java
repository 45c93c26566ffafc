package dev.rainmaker.status;

import java.time.Duration;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Requests as the test users: ops (operator) and eve (viewer), both with password "secret". */
final class Api {

    private Api() {}

    static RequestSpecification asOps() {
        return given().auth().preemptive().basic("ops", "secret");
    }

    static RequestSpecification asEve() {
        return given().auth().preemptive().basic("eve", "secret");
    }

    /**
     * Until the view is running: before that (Kafka Streams starting or rebalancing, which its readiness check counts as
     * ready) the API answers 503.
     */
    static void awaitView() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> asEve().get("/api/stages").statusCode() == 200);
    }
}
