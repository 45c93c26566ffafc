package dev.rainmaker.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door against a real broker: who may call, what a sign-up must be, that an accepted one is on the topic once with
 * its sender, and that the document served is the one built.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoorTest {

    private static final String ACME = "Bearer acme-token-for-tests";
    private static final String GLOBEX = "Bearer globex-token-for-tests";
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEo3fyukwAIqkxWJCFBqJXyk4X+dVeYbtqcJka/kGNw0 ada@laptop";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    TopicClient kafka;

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    static String signup(String customerId, String email, String contactName) {
        return """
                {"customerId":"%s","email":"%s","contactName":"%s","plan":"starter","timezone":"Europe/Berlin",
                 "adminUsers":[{"username":"ada","publicKey":"%s"}]}""".formatted(customerId, email, contactName, KEY);
    }

    static Response post(String authorization, String key, String body) {
        var request = RestAssured.given().contentType("application/json").body(body);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/v1/customers");
    }

    @Test
    @Order(1)
    void noTokenOrAWrongOneIs401WithTheBearerChallenge() {
        for (String authorization : new String[] {null, "Bearer not-a-token", "Basic YWNtZTphY21l"}) {
            Response answer = post(authorization, null, signup("door-401", "ada@acme.example", "Ada"));
            assertThat(answer.statusCode())
                    .as("%s: %s", authorization, answer.body().asString())
                    .isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"rainmaker\"");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(recordsOf("door-401")).isEmpty();
    }

    @Test
    @Order(2)
    void aReadOnlyTokenMayNotSignUp() {
        Response answer = post(GLOBEX, null, signup("door-403", "ada@acme.example", "Ada"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate")).contains("insufficient_scope");
        assertThat(answer.jsonPath().getString("type")).endsWith("/insufficient-scope");
    }

    @Test
    @Order(3)
    void anAcceptedSignupIsOnTheTopicOnceWithItsSenderAndARetryAnswersTheSame() {
        String body = signup("door-1", "ada@acme.example", "Ada Lovelace");
        double readsToEnd = waitsTimed("read-to-end");
        double publishes = waitsTimed("publish");
        Response first = post(ACME, "order-1", body);
        assertThat(first.statusCode()).as(first.body().asString()).isEqualTo(202);
        assertThat(first.header("Location")).isEqualTo("/v1/customers/door-1");
        assertThat(first.jsonPath().getString("state")).isEqualTo("provisioning");
        assertThat(first.jsonPath().getString("stage")).isEqualTo("accepted");

        Response again = post(ACME, "order-1", body.replace("\n", " "));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));

        Response withoutKey = post(ACME, null, body);
        assertThat(withoutKey.statusCode()).as("the customer id is a key too").isEqualTo(202);

        List<TopicRecord> records = recordsOf("door-1");
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().header("rainmaker-app")).isEqualTo("acme");
        assertThat(records.getFirst().header("rainmaker-idempotency-key")).isEqualTo("order-1");
        assertThat(records.getFirst().header("ce_type")).isEqualTo(EventType.SIGNUP_RECEIVED.cloudEventType());
        assertThat(waitsTimed("read-to-end") - readsToEnd)
                .as("the new sign-up read the topic to its end once; the retries were answered from what it holds")
                .isEqualTo(1);
        assertThat(waitsTimed("publish") - publishes).isEqualTo(1);
    }

    /** {@code rainmaker_api_signup_wait_seconds_count} of the step, as /q/metrics shows it. */
    private static double waitsTimed(String step) {
        Matcher count = Pattern.compile(
                        "(?m)^rainmaker_api_signup_wait_seconds_count\\{step=\"" + step + "\"} ([0-9.E]+)$")
                .matcher(RestAssured.get("/q/metrics").asString());
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    @Test
    @Order(4)
    void aUsedKeyOrCustomerWithAnotherBodyIsAConflict() {
        assertThat(post(ACME, "order-2", signup("door-2", "ada@acme.example", "Ada"))
                        .statusCode())
                .isEqualTo(202);
        Response sameKey = post(ACME, "order-2", signup("door-2", "ada@acme.example", "Someone Else"));
        assertThat(sameKey.statusCode()).isEqualTo(409);
        assertThat(sameKey.jsonPath().getString("detail")).contains("order-2");
        Response sameCustomer = post(ACME, "order-3", signup("door-2", "grace@acme.example", "Grace"));
        assertThat(sameCustomer.statusCode()).isEqualTo(409);
        assertThat(sameCustomer.jsonPath().getString("detail")).contains("already signed up");
        assertThat(recordsOf("door-2")).hasSize(1);
    }

    @Test
    @Order(5)
    void aSignupThatBreaksTheRulesIs422NamingEveryField() {
        String body = signup("door-3", "../../etc/passwd@acme.example", "Ada").replace("starter", "platinum");
        Response answer = post(ACME, null, body);
        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getList("errors.field")).containsExactlyInAnyOrder("email", "plan");
        assertThat(recordsOf("door-3")).isEmpty();
    }

    @Test
    @Order(6)
    void notJsonIs400AndOver64KibIs413() {
        Response notJson = post(ACME, null, "customerId=door-4");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");

        for (int size : new int[] {70_000, 2_100_000}) {
            String big = signup("door-4", "ada@acme.example", "x".repeat(size));
            Response tooLarge = post(ACME, null, big);
            assertThat(tooLarge.statusCode()).as("%d bytes", size).isEqualTo(413);
            assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        }
        assertThat(recordsOf("door-4")).isEmpty();
    }

    @Test
    @Order(7)
    void anotherAppsCustomerIsUnknownAndStatesNeedStatusService() {
        Response other = RestAssured.given().header("Authorization", GLOBEX).get("/v1/customers/door-1");
        assertThat(other.statusCode()).as(other.body().asString()).isEqualTo(404);
        // status-service is not running in this test: the app's own customer cannot be read, and the answer says so
        Response own = RestAssured.given().header("Authorization", ACME).get("/v1/customers/door-1");
        assertThat(own.statusCode()).as(own.body().asString()).isEqualTo(503);
        assertThat(own.header("Retry-After")).isNotBlank();
    }

    @Test
    @Order(8)
    void overTheRateLimitIs429WithRetryAfter() {
        List<Integer> statuses = new java.util.ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 5 && limited == null; i++) {
            Response answer =
                    RestAssured.given().header("Authorization", GLOBEX).get("/v1/customers/nobody");
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }
        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    }

    @Test
    @Order(9)
    void theDocumentServedIsTheOneBuilt() throws Exception {
        JsonNode served = JSON.readTree(RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .body()
                .asString());
        JsonNode built = JSON.readTree(Files.readString(Path.of("target/openapi/openapi.json")));
        assertThat(served.equals(built))
                .as("/q/openapi differs from target/openapi/openapi.json")
                .isTrue();
        assertThat(served.at("/paths/~1v1~1customers/post/operationId").asText())
                .isEqualTo("signUp");
        assertThat(served.at("/components/securitySchemes/token/scheme").asText())
                .isEqualTo("bearer");
        assertThat(RestAssured.given().get("/q/swagger-ui/").statusCode()).isEqualTo(200);
    }

    private List<TopicRecord> recordsOf(String customerId) {
        return kafka.readAll(EventType.SIGNUP_RECEIVED.topic()).stream()
                .filter(record -> customerId.equals(record.key()))
                .toList();
    }
}
