package dev.rainmaker.status;

import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.status.Api.asEve;
import static dev.rainmaker.status.Api.asOps;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ApiProblemsTest {

    @org.junit.jupiter.api.BeforeEach
    void viewRunning() {
        Api.awaitView();
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithABasicChallengeAndAProblem() {
        given().get("/api/customers/acme-1")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"rainmaker\"")
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void aWrongPasswordIs401() {
        given().auth()
                .preemptive()
                .basic("ops", "wrong")
                .get("/api/stages")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"rainmaker\"")
                .body("type", equalTo("https://rainmaker.dev/problems/unauthenticated"));
    }

    @Test
    void theConsolePagesAndTheOpenApiDocumentNeedCredentialsToo() {
        given().get("/")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsStringIgnoringCase("basic realm=\"rainmaker\""));
        given().get("/q/openapi").then().statusCode(401);
    }

    @Test
    void healthAndMetricsNeedNoCredentials() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void anUnknownCustomerIs404WithAProblemNamingIt() {
        asEve().get("/api/customers/acme-43")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/unknown-customer"))
                .body("title", equalTo("Unknown customer"))
                .body("status", equalTo(404))
                .body("detail", equalTo("no customer 'acme-43'"));
    }

    @Test
    void aMethodTheResourceDoesNotHaveIs405AndAPathOfNothingIs404AsProblems() {
        asEve().delete("/api/customers/acme-43")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/method-not-allowed"));
        asEve().get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/not-found"))
                .body("$", not(hasKey("errors")));
    }

    @Test
    void aQueryThatMeansNothingIs400SayingWhy() {
        asEve().get("/api/customers?state=sleeping")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/bad-query"))
                .body("detail", containsString("sleeping"));
        asEve().get("/api/customers?size=0").then().statusCode(400).body("detail", containsString("size"));
        asEve().get("/api/customers?page=x").then().statusCode(400).body("detail", containsString("page"));
    }

    @Test
    void aViewerMayNotReplayAndAPostWithoutTheConsoleHeaderIsRefused() {
        asEve().header("X-Rainmaker-Console", "1")
                .post("/api/dead-letters/rainmaker.signup-received.dlq/0/0/replay")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rainmaker.dev/problems/forbidden"));
        asOps().post("/api/dead-letters/rainmaker.signup-received.dlq/0/0/replay")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("missing X-Rainmaker-Console header (cross-site request refused)"));
    }

    @Test
    void meTellsTheUserAndTheirRoles() {
        asOps().get("/api/me")
                .then()
                .statusCode(200)
                .body("user", equalTo("ops"))
                .body("roles", equalTo(java.util.List.of("operator", "viewer")));
        asEve().get("/api/me").then().statusCode(200).body("roles", equalTo(java.util.List.of("viewer")));
    }

    @Test
    void stagesAreFourInPipelineOrderEvenWhenEmpty() {
        asEve().get("/api/stages")
                .then()
                .statusCode(200)
                .body("$", hasSize(4))
                .body("stage", equalTo(java.util.List.of("droplet", "hardening", "stack", "email")));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        asEve().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/customers/{id}",
                                "/api/customers",
                                "/api/stages",
                                "/api/dead-letters",
                                "/api/dead-letters/{topic}/{partition}/{offset}/replay",
                                "/api/events",
                                "/api/me"));
    }
}
