package dev.rainmaker.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.prometheus.PrometheusApi;
import dev.rainmaker.localcloud.prometheus.PrometheusApi.Alert;
import dev.rainmaker.localcloud.prometheus.PrometheusServer;
import dev.rainmaker.localcloud.prometheus.PrometheusSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the engineer on call sees of one pipeline run, everything as processes: status-service's REST API, and a real
 * Prometheus scraping every service with the real alerting rules (their {@code for:} shortened to {@link #PENDING_FOR},
 * nothing else changed; where Prometheus is not installed, its parts are skipped, saying why, and the rest runs).
 * Five good sign-ups: exact timelines, no alert raised. Poison sign-ups and one customer whose host refuses SSH until
 * bootstrap-service's connect budget is spent: failed in the view with their reasons, the dead-letter alert fired.
 * status-service killed (SIGKILL) and started again, and a second instance: the same answers, none of the run's
 * secrets in them. Customers waiting on a stopped stack-service turn stuck after a shortened deadline on both instances
 * and in {@code /q/metrics}, and page (the service down, unavailable, customers stuck) until it is back and they are
 * ready. Then every panel of the dashboard shows data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnCallIT {

    static final Path RULES = Path.of("deploy/prometheus/rules.yaml");
    static final Path DASHBOARD = Path.of("deploy/grafana/rainmaker.json");

    static final String SLO_ALERT = "RainmakerSignupToReadySlow";
    static final String DEAD_LETTER_ALERT = "RainmakerDeadLetters";
    static final String SERVICE_DOWN_ALERT = "RainmakerServiceDown";
    static final String SERVICE_UNAVAILABLE_ALERT = "RainmakerServiceUnavailable";
    static final String CUSTOMERS_STUCK_ALERT = "RainmakerCustomersStuck";

    /**
     * Every longer {@code for:} is cut to this. Not shorter: RainmakerStageStalled's condition (records in hand, none
     * finished lately) holds for the first customers of a fresh run until one finishes, which its {@code for:} covers;
     * no stage of a normal simulated run holds a record this long.
     */
    private static final Duration PENDING_FOR = Duration.ofSeconds(20);

    /** The first stalled customer's stack install outlives stack-service's command timeout. */
    private static final String STACK_INSTALL = "DEBIAN_FRONTEND=noninteractive apt-get install";

    /**
     * Longer than a droplet takes to become active here, so that bootstrap-service finds SSH refused at first; far
     * shorter than {@link #CONNECT_BUDGET}, so that it logs in before that is spent.
     */
    private static final Duration SSH_REFUSED_AFTER_BOOT = Duration.ofSeconds(6);
    /** bootstrap-service's: the customer whose host refuses SSH for good fails after this. */
    private static final Duration CONNECT_BUDGET = Duration.ofSeconds(20);

    private static final Duration STACK_COMMAND_TIMEOUT = Duration.ofSeconds(8);
    /** status-service's stack deadline: longer than a simulated install, far shorter than a stopped stack-service. */
    private static final Duration STACK_DEADLINE = Duration.ofSeconds(10);

    private static final Duration SLOW_INSTALL = Duration.ofSeconds(14);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> GOOD_TIMELINE = List.of(
            "event rainmaker.signup-received",
            "event rainmaker.droplet-requested",
            "event rainmaker.droplet-active",
            "event rainmaker.host-hardened",
            "event rainmaker.stack-installed",
            "event rainmaker.customer-ready");

    private static final StatusUsers users = StatusUsers.generate();
    private static LocalPipeline pipeline;
    /** Empty where Prometheus is not installed. */
    private static PrometheusApi prometheus;

    private static StatusApi ops;
    private static StatusApi secondOps;
    /** Every customer the view has so far, sorted, and what the first instance answered of each. */
    private static final Map<String, JsonNode> answered = new LinkedHashMap<>();

    @BeforeAll
    static void startPipelineWithStatusServiceAndPrometheus() {
        boolean prometheusRuns = PrometheusServer.unavailability().isEmpty();
        pipeline = LocalPipeline.start(
                "e2e-on-call",
                1,
                Duration.ofSeconds(1),
                options -> prometheusRuns
                        ? options.withPrometheus(PrometheusSettings.forTests(
                                LocalPipeline.repository().resolve(RULES), PENDING_FOR))
                        : options,
                cloud -> {},
                OnCallIT::testTimings);
        ServiceProcess status = pipeline.startStatus(1, users, OnCallIT::shortStackDeadline);
        ops = new StatusApi(status.httpPort(), StatusUsers.OPS, users.opsPassword());
        if (prometheusRuns) {
            prometheus =
                    new PrometheusApi(pipeline.cloud().info().prometheus().url().orElseThrow());
        }
    }

    @AfterAll
    static void stopEverything() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void prometheusScrapesEveryServiceUnderItsNameWithTheRealRulesLoaded() {
        assumePrometheus();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(prometheus.targetHealth())
                        .as("scrape targets and their health")
                        .containsAllEntriesOf(PipelineServices.WITH_STATUS.stream()
                                .collect(Collectors.toMap(name -> name + "-1", name -> "up"))));
        assertThat(prometheus.alertingRuleNames())
                .as("alerting rules Prometheus loaded from %s", RULES)
                .contains(
                        SLO_ALERT,
                        DEAD_LETTER_ALERT,
                        SERVICE_DOWN_ALERT,
                        SERVICE_UNAVAILABLE_ALERT,
                        CUSTOMERS_STUCK_ALERT);
        // Prometheus starts with the local cloud, before the services: until each is scraped, it is rightly
        // unavailable.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(raised())
                        .as("alerts still firing once every service is scraped")
                        .isEmpty());
    }

    @Test
    @Order(2)
    void fiveGoodSignupsAreReadyWithExactTimelinesAndRaiseNoAlert() {
        Set<String> good = publish(DemoSignups.create("on-call-good", 5));

        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .failFast(
                        "an alert was raised during a normal run",
                        () -> assertThat(raised())
                                .as("alerts firing, or %s even pending", SLO_ALERT)
                                .isEmpty())
                .untilAsserted(() -> assertThat(good)
                        .allSatisfy(id -> assertThat(ops.ok("/api/customers/" + id)
                                        .path("state")
                                        .asText())
                                .as(id)
                                .isEqualTo("ready")));
        assertThat(pipeline.readyRecordsOf(good)).hasSize(good.size());
        for (String id : good) {
            JsonNode customer = ops.ok("/api/customers/" + id);
            assertThat(customer.path("stage").isNull())
                    .as(id + " has no stage once ready")
                    .isTrue();
            assertThat(customer.path("stuck").asBoolean()).isFalse();
            assertThat(customer.path("components").size()).isPositive();
            assertThat(kindsAndTopics(customer)).as(id).containsExactlyElementsOf(GOOD_TIMELINE);
        }
        remember(good);
        if (prometheus != null) {
            await().during(PENDING_FOR.plusSeconds(5))
                    .atMost(PENDING_FOR.plusSeconds(15))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(raised())
                            .as("alerts firing, or %s pending, after a normal run", SLO_ALERT)
                            .isEmpty());
        }
    }

    @Test
    @Order(3)
    void poisonSignupsAndAnUnreachableHostFailWithTheirReasonsAndFireTheDeadLetterAlert() {
        // The mail server fails the first email to ops about a failed customer: the refused-emails panel has data.
        AtomicBoolean firstToOps = new AtomicBoolean(true);
        pipeline.cloud().smtp().onDelivery(delivery -> {
            if (delivery.recipient().startsWith("ops@") && firstToOps.getAndSet(false)) {
                throw new IllegalStateException("the mail server fails one email to ops, as OnCallIT asked");
            }
        });
        SignupReceived refused = DemoSignups.create("on-call-refused", 1).getFirst();
        publish(List.of(refused));
        long refusedDroplet = await().atMost(Duration.ofSeconds(60))
                .until(() -> pipeline.dropletsOf(refused.customerId()), droplets -> !droplets.isEmpty())
                .getFirst()
                .id();
        pipeline.cloud().hosts().refuseConnections(refusedDroplet, Duration.ofHours(1));
        SignupReceived poison = DemoSignups.create("on-call-poison", 1).getFirst();
        pipeline.kafka().publish(EventType.SIGNUP_RECEIVED.topic(), "on-call-not-json", "this is not JSON {");
        pipeline.kafka()
                .publish(
                        EventType.SIGNUP_RECEIVED.topic(),
                        poison.customerId(),
                        EventJson.write(poison).replace(poison.email(), "no-at-sign"));

        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(ops.ok("/api/customers/" + poison.customerId())
                            .path("state")
                            .asText())
                    .isEqualTo("failed");
            JsonNode refusedNow = ops.ok("/api/customers/" + refused.customerId());
            // failed, then its droplet destroyed: torn-down
            assertThat(refusedNow.path("state").asText()).isEqualTo("torn-down");
            assertThat(kindsAndTopics(refusedNow)).contains("compensation rainmaker.droplet-torn-down");
        });
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
        assertThat(deadLetters.get(0).path("originalTopic").asText()).isEqualTo(EventType.SIGNUP_RECEIVED.topic());
        remember(Set.of(poison.customerId(), refused.customerId()));

        if (prometheus != null) {
            await().atMost(ALERT_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(firing(DEAD_LETTER_ALERT))
                            .as("%s firing after a poison sign-up", DEAD_LETTER_ALERT)
                            .anySatisfy(labels -> assertThat(labels)
                                    .containsEntry("topic", EventType.SIGNUP_RECEIVED.deadLetterTopic())));
        }
    }

    @Test
    @Order(4)
    void statusServiceKilledAndStartedAgainAndASecondInstanceGiveTheSameAnswersWithNoSecretInThem() {
        Map<String, JsonNode> before = Map.copyOf(answered);
        assertNoSecretIn(ops, before);

        ServiceProcess first = service("status-service-1");
        first.kill();
        ServiceProcess restarted = first.restart();
        replace(first, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(answers(ops)).isEqualTo(before));

        ServiceProcess second = pipeline.startStatus(2, users, OnCallIT::shortStackDeadline);
        secondOps = new StatusApi(second.httpPort(), StatusUsers.OPS, users.opsPassword());
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            assertThat(answers(secondOps)).isEqualTo(before);
            assertThat(answers(ops)).isEqualTo(before);
        });
    }

    @Test
    @Order(5)
    void customersWaitingOnAStoppedStackServiceTurnStuckAndPageUntilItIsBack() {
        ServiceProcess stopped = service("stack-service-1");
        stopped.close();
        misbehaveOnTheWay();
        Set<String> stalled = publish(DemoSignups.create("on-call-stalled", 3));
        Instant published = Instant.now();
        try {
            for (StatusApi instance : List.of(ops, secondOps)) {
                await().atMost(PIPELINE_TIMEOUT)
                        .pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions()
                        .untilAsserted(() -> assertThat(stalled).allSatisfy(id -> {
                            JsonNode customer = instance.ok("/api/customers/" + id);
                            assertThat(customer.path("stage").asText()).isEqualTo("stack");
                            assertThat(customer.path("stuck").asBoolean()).isTrue();
                        }));
            }
        } finally {
            pipeline.cloud().digitalOcean().faults().clear();
            pipeline.cloud().hosts().refuseConnectionsAtEveryBoot(Duration.ZERO);
        }
        assertThat(Duration.between(published, Instant.now())).isGreaterThan(STACK_DEADLINE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stuckAtStack(ops) + stuckAtStack(secondOps))
                        .as("rainmaker_customers_stuck{stage=\"stack\"} summed over both instances")
                        .isEqualTo(stalled.size()));
        if (prometheus != null) {
            await().atMost(ALERT_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(firing(SERVICE_UNAVAILABLE_ALERT))
                        .as(
                                "%s firing while stack-service is stopped with %d customers waiting",
                                SERVICE_UNAVAILABLE_ALERT, stalled.size())
                        .anySatisfy(labels -> assertThat(labels).containsEntry("service", "stack-service"));
                assertThat(firing(SERVICE_DOWN_ALERT))
                        .as("%s firing while stack-service is stopped", SERVICE_DOWN_ALERT)
                        .anySatisfy(labels -> assertThat(labels)
                                .containsEntry("job", "stack-service")
                                .containsEntry("instance", "stack-service-1"));
                assertThat(firing(CUSTOMERS_STUCK_ALERT))
                        .as(
                                "%s firing while %d customers wait on a stopped stack-service",
                                CUSTOMERS_STUCK_ALERT, stalled.size())
                        .anySatisfy(labels -> assertThat(labels).containsEntry("stage", "stack"));
            });
        }

        ServiceProcess restarted = stopped.restart();
        replace(stopped, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(pipeline.readyRecordsOf(stalled)).hasSize(stalled.size());
            for (String id : stalled) {
                JsonNode customer = secondOps.ok("/api/customers/" + id);
                assertThat(customer.path("state").asText()).isEqualTo("ready");
                assertThat(customer.path("stuck").asBoolean()).isFalse();
            }
            assertThat(stuckAtStack(ops) + stuckAtStack(secondOps)).isZero();
        });
        if (prometheus != null) {
            await().atMost(ALERT_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(prometheus.alerts())
                            .as("alerts about stack-service once it is back and its customers are ready")
                            .noneSatisfy(alert -> assertThat(alert.labels())
                                    .containsAnyOf(
                                            Map.entry("service", "stack-service"),
                                            Map.entry("job", "stack-service"),
                                            Map.entry("stage", "stack"))));
        }
    }

    @Test
    @Order(6)
    void everyPanelOfTheDashboardShowsDataAfterTheRun() {
        assumePrometheus();
        DashboardCheck check = DashboardCheck.of(LocalPipeline.repository().resolve(DASHBOARD), prometheus);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(check.withoutData())
                        .as("panel queries Prometheus refuses or that return no series, of %d checked", check.checked())
                        .isEmpty());
    }

    /**
     * What the stalled customers meet on the way, so that the dashboard's panels on retries and failures have data:
     * DigitalOcean's 429s and 5xx, hosts refusing SSH for their first {@link #SSH_REFUSED_AFTER_BOOT}, and the first
     * host's stack install outliving stack-service's command timeout (the stage resumes).
     */
    private static void misbehaveOnTheWay() {
        LocalCloud cloud = pipeline.cloud();
        cloud.digitalOcean().faults().serverErrors(0.3, 14).rateLimitStorm(Duration.ofSeconds(2));
        cloud.hosts().refuseConnectionsAtEveryBoot(SSH_REFUSED_AFTER_BOOT);
        AtomicBoolean firstHost = new AtomicBoolean(true);
        cloud.hosts().atEveryBoot(host -> {
            if (firstHost.getAndSet(false)) {
                host.outliveOnce(STACK_INSTALL, SLOW_INSTALL);
            }
        });
    }

    private static ServiceLaunch testTimings(ServiceLaunch launch) {
        if (launch.name().startsWith("bootstrap-service")) {
            return launch.withSystemProperty("rainmaker.ssh.connect-budget", CONNECT_BUDGET.toString());
        }
        if (launch.name().startsWith("stack-service")) {
            return launch.withSystemProperty("rainmaker.ssh.command-timeout", STACK_COMMAND_TIMEOUT.toString());
        }
        return launch;
    }

    private static ServiceLaunch shortStackDeadline(ServiceLaunch launch) {
        return launch.withSystemProperty("rainmaker.status.deadline.stack", STACK_DEADLINE.toString());
    }

    private static Set<String> publish(List<SignupReceived> signups) {
        signups.forEach(signup -> pipeline.kafka()
                .publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));
        return signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
    }

    /** Notes what the first instance answers now of each of {@code customers}, for the restarts to answer the same. */
    private static void remember(Set<String> customers) {
        customers.stream().sorted().forEach(id -> answered.put(id, answerOf(ops, id)));
    }

    private static Map<String, JsonNode> answers(StatusApi api) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answered.keySet().forEach(id -> answers.put(id, answerOf(api, id)));
        return answers;
    }

    /** What the instance answers of the customer, but its age, which the clock changes. */
    private static JsonNode answerOf(StatusApi api, String customer) {
        ObjectNode answer = (ObjectNode) api.ok("/api/customers/" + customer).deepCopy();
        answer.remove("ageSeconds");
        return answer;
    }

    /** Each timeline entry as "kind topic", oldest first. */
    private static List<String> kindsAndTopics(JsonNode customer) {
        List<String> entries = new ArrayList<>();
        customer.path("timeline")
                .forEach(entry -> entries.add(
                        entry.path("kind").asText() + " " + entry.path("topic").asText()));
        return entries;
    }

    /** What the API shows of every customer, every dead letter and every stage holds none of the run's secrets. */
    private static void assertNoSecretIn(StatusApi api, Map<String, JsonNode> customers) {
        Map<String, String> responses = new LinkedHashMap<>();
        customers.forEach((id, customer) -> responses.put("GET /api/customers/" + id, customer.toString()));
        for (String path : List.of("/api/customers?size=1000", "/api/dead-letters", "/api/stages")) {
            responses.put("GET " + path, api.ok(path).toString());
        }
        PipelineSecrets.assertNoneIn(PipelineSecrets.of(pipeline.cloud()), responses);
    }

    /** {@code rainmaker_customers_stuck{stage="stack"}} of one instance. */
    private static double stuckAtStack(StatusApi api) {
        return api.metrics()
                .lines()
                .filter(line -> line.startsWith("rainmaker_customers_stuck{") && line.contains("stage=\"stack\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Alerts firing, and the SLO alert even when only pending; none where Prometheus does not run. */
    private static List<Alert> raised() {
        if (prometheus == null) {
            return List.of();
        }
        return prometheus.alerts().stream()
                .filter(alert -> alert.firing() || alert.name().equals(SLO_ALERT))
                .toList();
    }

    private static List<Map<String, String>> firing(String name) {
        return prometheus.alerts().stream()
                .filter(alert -> alert.name().equals(name) && alert.firing())
                .map(Alert::labels)
                .toList();
    }

    private static void assumePrometheus() {
        assumeTrue(
                prometheus != null,
                () -> "skipped: " + PrometheusServer.unavailability().orElseThrow());
    }

    private static ServiceProcess service(String name) {
        synchronized (pipeline.services()) {
            return pipeline.services().stream()
                    .filter(service -> service.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " is not running"));
        }
    }

    private static void replace(ServiceProcess old, ServiceProcess replacement) {
        List<ServiceProcess> services = pipeline.services();
        synchronized (services) {
            services.set(services.indexOf(old), replacement);
        }
    }
}
