package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.cli.ApiClient;
import dev.rainmaker.cli.ApiSettings;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.e2e.apiclient.ApiResponse;
import dev.rainmaker.e2e.apiclient.api.CustomersApi;
import dev.rainmaker.e2e.apiclient.model.AdminUser;
import dev.rainmaker.e2e.apiclient.model.Customer;
import dev.rainmaker.e2e.apiclient.model.Signup;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.assertj.core.api.SoftAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * api-service in front of a running pipeline (PipelineIT's), two instances as processes reading states from its
 * status-service: sign-ups through the API reach ready and read back as ready; the SaaS app's webhook receiver (a
 * real HTTP server here) gets each {@code customer.ready} once, signed; while it is down it loses nothing; a replayed
 * request publishes nothing; a client generated from the OpenAPI document signs a customer up; an instance SIGKILLed
 * after accepting a sign-up, before its client read the answer, leaves the client's retry the same answer and one
 * customer; no token, a wrong token and a token over its rate limit are refused.
 */
final class ApiJourney {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNUPS = EventType.SIGNUP_RECEIVED.topic();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private ApiJourney() {}

    /**
     * Runs the journey on the pipeline, api-service reading states from the status-service instance on
     * {@code statusPort} as its viewer; returns the secrets it made (tokens, the webhook secret), by what each is, for
     * the run's secret check.
     */
    static Map<String, String> run(LocalPipeline pipeline, int statusPort, StatusUsers users) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ApiSettings settings = new ApiSettings(
                    List.of(
                            ApiSettings.App.generate("acme", 1000, 1000).withWebhook(receiver.url()),
                            ApiSettings.App.generate("tiny", 1, 2)),
                    URI.create("http://127.0.0.1:" + statusPort),
                    StatusUsers.VIEWER,
                    users.viewerPassword());
            ServiceProcess first = pipeline.startApi(1, settings, ApiJourney::quickWebhookRetries);
            ServiceProcess second = pipeline.startApi(2, settings, ApiJourney::quickWebhookRetries);
            String token = settings.app("acme").token();
            ApiClient viaFirst = new ApiClient(baseOf(first), token);
            ApiClient viaSecond = new ApiClient(baseOf(second), token);

            tokensAreCheckedAndRateLimited(baseOf(first), settings.app("tiny").token());

            List<SignupReceived> signups = DemoSignups.create("api", 6);
            SignupReceived killed = signups.get(4);
            List<SignupReceived> whileReceiverDown = DemoSignups.create("api-late", 2);
            Map<String, String> locations = new HashMap<>();
            for (SignupReceived signup : signups.subList(0, 4)) {
                HttpResponse<String> answer = viaFirst.signUp(signup, Optional.of("key-" + signup.customerId()));
                assertThat(answer.statusCode())
                        .as("POST %s: %s", signup.customerId(), answer.body())
                        .isEqualTo(202);
                locations.put(
                        signup.customerId(),
                        answer.headers().firstValue("Location").orElseThrow());
            }
            assertThat(locations)
                    .allSatisfy((id, location) -> assertThat(location).endsWith("/v1/customers/" + id));

            aReplayAnswersTheSameAndPublishesNothing(pipeline, viaSecond, signups.getFirst(), locations);
            theDocumentIsTheTruth(baseOf(second), token, signups.get(5));

            ServiceProcess restarted =
                    killAfterAcceptingThenRetry(pipeline, first, viaSecond, settings, killed, "key-killed");

            receiver.down();
            for (SignupReceived signup : whileReceiverDown) {
                assertThat(viaSecond.signUp(signup, Optional.empty()).statusCode())
                        .isEqualTo(202);
            }
            Set<String> late = ids(whileReceiverDown);
            await().atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> pipeline.readyRecordsOf(late).size() == late.size());
            // Ready, and their webhooks refused for a while (the receiver is down): now it comes back.
            Thread.sleep(3_000);
            assertThat(receiver.deliveries()).noneMatch(delivery -> late.contains(delivery.customerId()));
            receiver.up();

            List<SignupReceived> all = new ArrayList<>(signups);
            all.addAll(whileReceiverDown);
            Set<String> everyone = ids(all);
            await().atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> pipeline.readyRecordsOf(everyone).size() == everyone.size());
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> readyWebhooksFor(receiver).keySet().containsAll(everyone));

            SoftAssertions softly = new SoftAssertions();
            eachCustomerOnceOnTheTopicWithOneDroplet(softly, pipeline, everyone);
            eachReadyWebhookOnceAndSigned(
                    softly,
                    receiver,
                    settings.app("acme").webhook().orElseThrow().secret(),
                    everyone);
            readyAsTheApiTellsIt(softly, pipeline, new ApiClient(baseOf(restarted), token), everyone);
            softly.assertAll();
            return Map.of(
                    "acme's API token", token,
                    "tiny's API token", settings.app("tiny").token(),
                    "acme's webhook secret",
                            settings.app("acme").webhook().orElseThrow().secret());
        }
    }

    /** No token, a wrong one: 401 with the scheme to use; tiny's third request within a second: 429 with when to retry. */
    private static void tokensAreCheckedAndRateLimited(URI base, String tinyToken) {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> none = send(
                http,
                HttpRequest.newBuilder(base.resolve("/v1/customers/nobody")).GET());
        assertThat(none.statusCode()).as("no token: %s", none.body()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        HttpResponse<String> wrong = send(
                http,
                HttpRequest.newBuilder(base.resolve("/v1/customers/nobody"))
                        .header("Authorization", "Bearer rm_not-a-token")
                        .GET());
        assertThat(wrong.statusCode()).as("wrong token: %s", wrong.body()).isEqualTo(401);
        ApiClient tiny = new ApiClient(base, tinyToken);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(tiny.customer("nobody"));
        }
        HttpResponse<String> limited = answers.stream()
                .filter(answer -> answer.statusCode() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "4 requests at once with a limit of 1/s and a burst of 2 were all" + " answered: "
                                + answers.stream().map(HttpResponse::statusCode).toList()));
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(answers.getFirst().statusCode())
                .as("tiny's first request (an unknown customer)")
                .isEqualTo(404);
    }

    /** The same request again, through the other instance: the same answer, and still one record on the topic. */
    private static void aReplayAnswersTheSameAndPublishesNothing(
            LocalPipeline pipeline, ApiClient otherInstance, SignupReceived signup, Map<String, String> locations) {
        HttpResponse<String> replay = otherInstance.signUp(signup, Optional.of("key-" + signup.customerId()));
        assertThat(replay.statusCode()).as("replay: %s", replay.body()).isEqualTo(202);
        assertThat(replay.headers().firstValue("Location")).contains(locations.get(signup.customerId()));
        SignupReceived changed = new SignupReceived(
                signup.customerId(),
                signup.email(),
                "Someone Else",
                signup.plan(),
                signup.timezone(),
                signup.adminUsers());
        HttpResponse<String> conflict = otherInstance.signUp(changed, Optional.of("key-" + signup.customerId()));
        assertThat(conflict.statusCode())
                .as("same key, another request: %s", conflict.body())
                .isEqualTo(409);
        assertThat(signupRecordsOf(pipeline, signup.customerId())).hasSize(1);
    }

    /**
     * Sends a sign-up to {@code victim} without reading the answer, SIGKILLs it once the sign-up is on the topic, and
     * retries the same request through the other instance and then through the victim restarted: the same 202 each
     * time, and one record.
     */
    private static ServiceProcess killAfterAcceptingThenRetry(
            LocalPipeline pipeline,
            ServiceProcess victim,
            ApiClient otherInstance,
            ApiSettings settings,
            SignupReceived signup,
            String key)
            throws IOException {
        String body = EventJson.write(signup);
        try (Socket unread = new Socket("127.0.0.1", victim.httpPort())) {
            OutputStream out = unread.getOutputStream();
            out.write(("POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + settings.app("acme").token() + "\r\nIdempotency-Key: " + key
                            + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !signupRecordsOf(pipeline, signup.customerId()).isEmpty());
            victim.kill();
        }
        HttpResponse<String> retry = otherInstance.signUp(signup, Optional.of(key));
        assertThat(retry.statusCode())
                .as("retry through the other instance: %s", retry.body())
                .isEqualTo(202);
        ServiceProcess restarted = victim.restart();
        pipeline.services().replaceAll(process -> process == victim ? restarted : process);
        restarted.awaitReady(Duration.ofSeconds(120));
        HttpResponse<String> again =
                new ApiClient(baseOf(restarted), settings.app("acme").token()).signUp(signup, Optional.of(key));
        assertThat(again.statusCode())
                .as("retry through the restarted instance: %s", again.body())
                .isEqualTo(202);
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(retry.headers().firstValue("Location"));
        assertThat(signupRecordsOf(pipeline, signup.customerId())).hasSize(1);
        return restarted;
    }

    /**
     * The OpenAPI document the instance serves is the one the e2e client was generated from (at build time, from
     * api-service's stored copy), and that client signs a customer up and reads it back.
     */
    private static void theDocumentIsTheTruth(URI base, String token, SignupReceived signup) throws Exception {
        HttpResponse<String> served = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET());
        JsonNode generatedFrom = JSON.readTree(Files.readString(Path.of("../api-service/target/openapi/openapi.json")));
        assertThat(JSON.readTree(served.body()).equals(generatedFrom))
                .as("the served /q/openapi is the document the client was generated from")
                .isTrue();

        dev.rainmaker.e2e.apiclient.ApiClient generated = new dev.rainmaker.e2e.apiclient.ApiClient()
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        generated.updateBaseUri(base.toString());
        CustomersApi customers = new CustomersApi(generated);
        Signup request = new Signup()
                .customerId(signup.customerId())
                .email(signup.email())
                .contactName(signup.contactName())
                .plan(signup.plan())
                .timezone(signup.timezone())
                .adminUsers(signup.adminUsers().stream()
                        .map(user -> new AdminUser().username(user.username()).publicKey(user.publicKey()))
                        .toList());
        ApiResponse<Customer> accepted = customers.signUpWithHttpInfo(request, "generated-" + signup.customerId());
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(accepted.getData().getState()).isEqualTo(Customer.StateEnum.PROVISIONING);
        assertThat(customers.getCustomer(signup.customerId()).getCustomerId()).isEqualTo(signup.customerId());
    }

    private static void eachCustomerOnceOnTheTopicWithOneDroplet(
            SoftAssertions softly, LocalPipeline pipeline, Set<String> customers) {
        for (String customer : customers) {
            softly.assertThat(signupRecordsOf(pipeline, customer))
                    .as("sign-up records of %s", customer)
                    .hasSize(1);
            softly.assertThat(pipeline.dropletsOf(customer))
                    .as("droplets of %s", customer)
                    .hasSize(1);
        }
    }

    /** One event id per customer (a redelivery keeps its id), every delivery signed with the app's secret. */
    private static void eachReadyWebhookOnceAndSigned(
            SoftAssertions softly, WebhookReceiver receiver, String secret, Set<String> customers) {
        Map<String, List<WebhookReceiver.Delivery>> ready = readyWebhooksFor(receiver);
        for (String customer : customers) {
            List<WebhookReceiver.Delivery> deliveries = ready.getOrDefault(customer, List.of());
            softly.assertThat(deliveries.stream()
                            .map(WebhookReceiver.Delivery::id)
                            .distinct())
                    .as("customer.ready event ids of %s", customer)
                    .hasSize(1);
            softly.assertThat(deliveries)
                    .as("customer.ready deliveries of %s", customer)
                    .allSatisfy(delivery -> {
                        assertThat(delivery.signedWith(secret))
                                .as("signature %s", delivery.signature())
                                .isTrue();
                        assertThat(delivery.contentType()).startsWith("application/cloudevents+json");
                        assertThat(delivery.eventIdHeader()).isEqualTo(delivery.id());
                        assertThat(delivery.event().path("specversion").asText())
                                .isEqualTo("1.0");
                        assertThat(delivery.event().path("data").path("url").asText())
                                .isNotBlank();
                    });
        }
        System.out.printf(
                "api: %d webhook deliveries for %d customers%n",
                receiver.deliveries().size(), customers.size());
    }

    private static void readyAsTheApiTellsIt(
            SoftAssertions softly, LocalPipeline pipeline, ApiClient api, Set<String> customers) throws IOException {
        for (String customer : customers) {
            HttpResponse<String> answer = api.customer(customer);
            softly.assertThat(answer.statusCode())
                    .as("GET %s: %s", customer, answer.body())
                    .isEqualTo(200);
            if (answer.statusCode() != 200) {
                continue;
            }
            JsonNode state = JSON.readTree(answer.body());
            JsonNode ready = JSON.readTree(
                    pipeline.readyRecordsOf(Set.of(customer)).getFirst().value());
            softly.assertThat(state.path("state").asText())
                    .as("state of %s", customer)
                    .isEqualTo("ready");
            softly.assertThat(state.path("url").asText())
                    .as("url of %s", customer)
                    .isEqualTo(ready.path("appUrl").asText());
            softly.assertThat(state.path("hostKeyFingerprint").asText())
                    .as("host key of %s", customer)
                    .isEqualTo(ready.path("droplet").path("hostKeyFingerprint").asText());
        }
    }

    private static Map<String, List<WebhookReceiver.Delivery>> readyWebhooksFor(WebhookReceiver receiver) {
        return receiver.deliveries().stream()
                .filter(delivery -> delivery.type().equals("customer.ready"))
                .collect(Collectors.groupingBy(WebhookReceiver.Delivery::customerId));
    }

    private static List<TopicRecord> signupRecordsOf(LocalPipeline pipeline, String customer) {
        return pipeline.recordsOf(SIGNUPS, Set.of(customer));
    }

    /** Retries every second or two, so that a receiver that comes back is found within the test's patience. */
    private static ServiceLaunch quickWebhookRetries(ServiceLaunch launch) {
        return launch.withSystemProperty("rainmaker.api.webhooks.initial-backoff", "500ms")
                .withSystemProperty("rainmaker.api.webhooks.max-backoff", "2s");
    }

    private static URI baseOf(ServiceProcess api) {
        return URI.create("http://127.0.0.1:" + api.httpPort());
    }

    private static Set<String> ids(List<SignupReceived> signups) {
        return signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
