package dev.rainmaker.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * status-service over the whole pipeline, everything as processes: five good sign-ups, one poison, one customer whose
 * host refuses SSH until bootstrap-service's connect budget is spent. Asserted through the REST API: states and
 * timelines, with none of the run's secrets in them; the same answers after a SIGKILL and restart, and from either of two instances; customers in flight
 * turning stuck while stack-service is down and back when it returns, also in {@code /q/metrics} summed over the
 * instances.
 */
class StatusIT {

    private static final Duration CONNECT_BUDGET = Duration.ofSeconds(10);
    private static final Duration STACK_DEADLINE = Duration.ofSeconds(8);
    private static final String SIGNUPS = EventType.SIGNUP_RECEIVED.topic();
    private static final List<String> GOOD_TIMELINE = List.of(
            "event rainmaker.signup-received",
            "event rainmaker.droplet-requested",
            "event rainmaker.droplet-active",
            "event rainmaker.host-hardened",
            "event rainmaker.stack-installed",
            "event rainmaker.customer-ready");

    @Test
    void statesTimelinesRestartsTwoInstancesAndStuckCustomersAsTheApiTellsThem() throws Exception {
        StatusUsers users = StatusUsers.generate();
        List<SignupReceived> good = DemoSignups.create("status-good", 5);
        SignupReceived refused = DemoSignups.create("status-refused", 1).getFirst();
        SignupReceived poison = DemoSignups.create("status-poison", 1).getFirst();
        try (LocalPipeline pipeline = LocalPipeline.start(
                "e2e-status", 1, Duration.ofSeconds(2), cloud -> {}, StatusIT::shortConnectBudget)) {
            ServiceProcess first = pipeline.startStatus(1, users, StatusIT::shortStackDeadline);
            StatusApi ops = new StatusApi(first.httpPort(), StatusUsers.OPS, users.opsPassword());

            publish(pipeline, refused);
            long refusedDroplet = await().atMost(Duration.ofSeconds(60))
                    .until(() -> pipeline.dropletsOf(refused.customerId()), droplets -> !droplets.isEmpty())
                    .getFirst()
                    .id();
            pipeline.cloud().hosts().refuseConnections(refusedDroplet, Duration.ofHours(1));
            good.forEach(signup -> publish(pipeline, signup));
            pipeline.kafka()
                    .publish(
                            SIGNUPS,
                            poison.customerId(),
                            EventJson.write(poison).replace(poison.email(), "no-at-sign"));

            Set<String> goodIds =
                    Set.copyOf(good.stream().map(SignupReceived::customerId).toList());
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        for (String id : goodIds) {
                            assertThat(ops.ok("/api/customers/" + id)
                                            .path("state")
                                            .asText())
                                    .as(id)
                                    .isEqualTo("ready");
                        }
                        assertThat(ops.ok("/api/customers/" + poison.customerId())
                                        .path("state")
                                        .asText())
                                .isEqualTo("failed");
                        JsonNode refusedNow = ops.ok("/api/customers/" + refused.customerId());
                        // failed, then its droplet destroyed: torn-down
                        assertThat(refusedNow.path("state").asText()).isEqualTo("torn-down");
                        assertThat(kindsAndTopics(refusedNow)).contains("compensation rainmaker.droplet-torn-down");
                    });
            assertThat(pipeline.readyRecordsOf(goodIds)).hasSize(5);

            for (String id : goodIds) {
                JsonNode customer = ops.ok("/api/customers/" + id);
                assertThat(customer.path("stage").isNull())
                        .as(id + " has no stage once ready")
                        .isTrue();
                assertThat(customer.path("stuck").asBoolean()).isFalse();
                assertThat(customer.path("components").size()).isPositive();
                assertThat(kindsAndTopics(customer)).as(id).containsExactlyElementsOf(GOOD_TIMELINE);
            }
            JsonNode poisoned = ops.ok("/api/customers/" + poison.customerId());
            assertThat(poisoned.path("failedStage").asText()).isEqualTo("droplet");
            assertThat(poisoned.path("failure").asText()).isEqualTo("permanent");
            assertThat(poisoned.path("reason").asText()).contains("email");
            assertThat(kindsAndTopics(poisoned))
                    .containsExactly(
                            "event rainmaker.signup-received",
                            "failed rainmaker.provisioning-failed",
                            "dead-letter rainmaker.signup-received.dlq");
            JsonNode refusedCustomer = ops.ok("/api/customers/" + refused.customerId());
            assertThat(refusedCustomer.path("failedStage").asText()).isEqualTo("hardening");
            assertThat(refusedCustomer.path("reason").asText()).contains("could not reach");
            // host-access's HostUnreachable (connect budget spent) names no kind of failure: it reads as permanent
            assertThat(refusedCustomer.path("failure").asText()).isEqualTo("permanent");
            assertThat(kindsAndTopics(refusedCustomer))
                    .containsExactly(
                            "event rainmaker.signup-received",
                            "event rainmaker.droplet-requested",
                            "event rainmaker.droplet-active",
                            "failed rainmaker.provisioning-failed",
                            "dead-letter rainmaker.droplet-active.dlq",
                            "compensation rainmaker.droplet-torn-down");
            JsonNode deadLetters = ops.ok("/api/dead-letters?customer=" + poison.customerId());
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).path("replayed").asBoolean()).isFalse();
            assertThat(deadLetters.get(0).path("originalTopic").asText()).isEqualTo(SIGNUPS);

            List<String> everyone = Stream.concat(
                            goodIds.stream().sorted(), Stream.of(poison.customerId(), refused.customerId()))
                    .toList();
            Map<String, JsonNode> before = answers(ops, everyone);
            assertNoSecretIn(ops, before, pipeline);

            first.kill();
            ServiceProcess restarted = first.restart();
            replace(pipeline, first, restarted);
            restarted.awaitReady(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(90))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(answers(ops, everyone)).isEqualTo(before));

            ServiceProcess second = pipeline.startStatus(2, users, StatusIT::shortStackDeadline);
            StatusApi secondOps = new StatusApi(second.httpPort(), StatusUsers.OPS, users.opsPassword());
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                assertThat(answers(secondOps, everyone)).isEqualTo(before);
                assertThat(answers(ops, everyone)).isEqualTo(before);
            });

            ServiceProcess stack = pipeline.services().stream()
                    .filter(service -> service.name().startsWith("stack-service"))
                    .findFirst()
                    .orElseThrow();
            stack.close();
            List<SignupReceived> stuck = DemoSignups.create("status-stuck", 2);
            stuck.forEach(signup -> publish(pipeline, signup));
            Instant published = Instant.now();
            for (StatusApi instance : List.of(ops, secondOps)) {
                await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() -> {
                    for (SignupReceived signup : stuck) {
                        JsonNode customer = instance.ok("/api/customers/" + signup.customerId());
                        assertThat(customer.path("stage").asText()).isEqualTo("stack");
                        assertThat(customer.path("stuck").asBoolean()).isTrue();
                    }
                });
            }
            assertThat(Duration.between(published, Instant.now())).isGreaterThan(STACK_DEADLINE);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(stuckAtStack(ops) + stuckAtStack(secondOps))
                            .isEqualTo(2.0));

            ServiceProcess stackAgain = stack.restart();
            replace(pipeline, stack, stackAgain);
            stackAgain.awaitReady(Duration.ofSeconds(120));
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() -> {
                for (SignupReceived signup : stuck) {
                    JsonNode customer = secondOps.ok("/api/customers/" + signup.customerId());
                    assertThat(customer.path("state").asText()).isEqualTo("ready");
                    assertThat(customer.path("stuck").asBoolean()).isFalse();
                }
                assertThat(stuckAtStack(ops) + stuckAtStack(secondOps)).isZero();
            });
        }
    }

    private static ServiceLaunch shortConnectBudget(ServiceLaunch launch) {
        return launch.name().startsWith("bootstrap-service")
                ? launch.withSystemProperty("rainmaker.ssh.connect-budget", CONNECT_BUDGET.toString())
                : launch;
    }

    private static ServiceLaunch shortStackDeadline(ServiceLaunch launch) {
        return launch.withSystemProperty("rainmaker.status.deadline.stack", STACK_DEADLINE.toString());
    }

    private static void publish(LocalPipeline pipeline, SignupReceived signup) {
        pipeline.kafka().publish(SIGNUPS, signup.customerId(), EventJson.write(signup));
    }

    /** Each timeline entry as "kind topic", oldest first. */
    private static List<String> kindsAndTopics(JsonNode customer) {
        List<String> entries = new ArrayList<>();
        customer.path("timeline")
                .forEach(entry -> entries.add(
                        entry.path("kind").asText() + " " + entry.path("topic").asText()));
        return entries;
    }

    /** What the instance answers of each customer, but its age, which the clock changes. */
    /** What the API shows of every customer, every dead letter and every stage holds none of the run's secrets. */
    private static void assertNoSecretIn(StatusApi api, Map<String, JsonNode> customers, LocalPipeline pipeline) {
        Map<String, String> responses = new LinkedHashMap<>();
        customers.forEach((id, customer) -> responses.put("GET /api/customers/" + id, customer.toString()));
        for (String path : List.of("/api/customers?size=1000", "/api/dead-letters", "/api/stages")) {
            responses.put("GET " + path, api.ok(path).toString());
        }
        PipelineSecrets.assertNoneIn(PipelineSecrets.of(pipeline.cloud()), responses);
    }

    private static Map<String, JsonNode> answers(StatusApi api, List<String> customers) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String id : customers) {
            ObjectNode customer = (ObjectNode) api.ok("/api/customers/" + id).deepCopy();
            customer.remove("ageSeconds");
            answers.put(id, customer);
        }
        return answers;
    }

    /** {@code rainmaker_customers_stuck{stage="stack"}} of one instance. */
    private static double stuckAtStack(StatusApi api) {
        return api.metrics()
                .lines()
                .filter(line -> line.startsWith("rainmaker_customers_stuck{") && line.contains("stage=\"stack\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void replace(LocalPipeline pipeline, ServiceProcess old, ServiceProcess replacement) {
        List<ServiceProcess> services = pipeline.services();
        synchronized (services) {
            services.set(services.indexOf(old), replacement);
        }
    }
}
