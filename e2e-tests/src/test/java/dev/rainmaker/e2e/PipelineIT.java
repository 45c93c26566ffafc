package dev.rainmaker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rainmaker.cli.AotCache;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import dev.rainmaker.localcloud.prometheus.PrometheusApi;
import dev.rainmaker.localcloud.prometheus.PrometheusServer;
import dev.rainmaker.localcloud.prometheus.PrometheusSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.rainmaker.e2e.StatusApi.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole pipeline, the local cloud in this JVM and every packaged service as a process, and what each of its users
 * sees of one run: the customers (one droplet, one email each), the SaaS app (api-service, {@link ApiJourney}), and
 * the engineer on call: status-service's REST API and a real Prometheus scraping every service with the real alerting
 * rules, their {@code for:} shortened to {@link #PENDING_FOR} and nothing else changed (where Prometheus is not
 * installed, its parts are skipped, saying why, and the rest runs). Five good sign-ups: one event per topic, exact
 * timelines, no alert. Bad sign-ups and a customer whose host refuses SSH until bootstrap-service's connect budget is
 * spent: dead-lettered and failed with their reasons, the dead-letter alert fired, a good sign-up after them ready.
 * status-service killed (SIGKILL) and started again, and a second instance: the same answers. Customers waiting on a
 * stopped stack-service turn stuck after a shortened deadline and page until it is back and they are ready. Then every
 * panel of the dashboard shows data, no secret of the run is anywhere it must not be, and every service ran from its
 * AOT cache.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    static final Path RULES = Path.of("deploy/prometheus/rules.yaml");
    static final Path DASHBOARD = Path.of("deploy/grafana/rainmaker.json");

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
    /** Null where Prometheus is not installed. */
    private static Alerts alerts;

    private static StatusApi ops;
    private static StatusApi secondOps;
    /** What the first status-service instance answered of each customer checked so far, for its restarts to answer. */
    private static final Map<String, JsonNode> answered = new LinkedHashMap<>();
    /** The secrets the run made besides the pipeline's (API tokens, a webhook secret, status-service's passwords). */
    private static final Map<String, String> madeSecrets = new LinkedHashMap<>();

    @BeforeAll
    static void startPipelineWithStatusServiceAndPrometheus() {
        boolean prometheusRuns = PrometheusServer.unavailability().isEmpty();
        pipeline = LocalPipeline.start(
                "e2e",
                1,
                Duration.ofSeconds(1),
                options -> prometheusRuns
                        ? options.withPrometheus(PrometheusSettings.forTests(
                                LocalPipeline.repository().resolve(RULES), PENDING_FOR))
                        : options,
                cloud -> {},
                PipelineIT::testTimings);
        ServiceProcess status = pipeline.startStatus(1, users, PipelineIT::shortStackDeadline);
        ops = new StatusApi(status.httpPort(), StatusUsers.OPS, users.opsPassword());
        madeSecrets.put("status-service's viewer password", users.viewerPassword());
        madeSecrets.put("status-service's ops password", users.opsPassword());
        if (prometheusRuns) {
            alerts = new Alerts(
                    new PrometheusApi(pipeline.cloud().info().prometheus().url().orElseThrow()));
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
                .untilAsserted(() -> assertThat(alerts.prometheus().targetHealth())
                        .as("scrape targets and their health")
                        .containsAllEntriesOf(PipelineServices.WITH_STATUS.stream()
                                .collect(Collectors.toMap(name -> name + "-1", name -> "up"))));
        assertThat(alerts.prometheus().alertingRuleNames())
                .as("alerting rules Prometheus loaded from %s", RULES)
                .contains(
                        Alerts.SLO,
                        Alerts.DEAD_LETTERS,
                        Alerts.SERVICE_DOWN,
                        Alerts.SERVICE_UNAVAILABLE,
                        Alerts.CUSTOMERS_STUCK);
        // Prometheus starts with the local cloud, before the services: until each is scraped, it is rightly
        // unavailable.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(alerts.raised())
                        .as("alerts still firing once every service is scraped")
                        .isEmpty());
    }

    @Test
    @Order(2)
    void fiveSignupsEachBecomeReadyWithOneEventPerTopicOneDropletOneEmailExactTimelinesAndNoAlert() {
        List<SignupReceived> signups = DemoSignups.create("e2e-five", 5);
        Set<String> customers = publish(signups);

        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .failFast(
                        "an alert was raised during a normal run",
                        () -> assertThat(alerts == null ? List.of() : alerts.raised())
                                .as("alerts firing, or %s even pending", Alerts.SLO)
                                .isEmpty())
                .untilAsserted(() -> assertThat(customers)
                        .allSatisfy(id -> assertThat(ops.ok("/api/customers/" + id)
                                        .path("state")
                                        .asText())
                                .as(id)
                                .isEqualTo("ready")));
        assertThat(recordsOf(EventType.PROVISIONING_FAILED.topic(), customers))
                .as("provisioning failures of customers that became ready")
                .isEmpty();
        assertThat(recordsOf(EventType.DROPLET_TORN_DOWN.topic(), customers))
                .as("droplets torn down of customers that became ready")
                .isEmpty();
        for (EventType type : EventType.values()) {
            if (type == EventType.PROVISIONING_FAILED || type == EventType.DROPLET_TORN_DOWN) {
                continue;
            }
            List<TopicRecord> records = recordsOf(type.topic(), customers);
            assertThat(records)
                    .as("one %s per customer, keyed by customer id", type.topic())
                    .extracting(TopicRecord::key)
                    .containsExactlyInAnyOrderElementsOf(customers);
            if (type != EventType.SIGNUP_RECEIVED) {
                assertThat(records)
                        .as("CloudEvents headers on %s", type.topic())
                        .allSatisfy(record -> assertThat(record.headers())
                                .containsEntry("ce_type", type.cloudEventType())
                                .containsEntry("ce_subject", record.key())
                                .containsKeys("ce_id", "ce_source", "ce_time"));
            }
        }
        for (SignupReceived signup : signups) {
            assertThat(pipeline.dropletsOf(signup.customerId()))
                    .as("droplets of %s", signup.customerId())
                    .hasSize(1);
            CustomerReady ready = readyEventOf(signup.customerId());
            assertThat(pipeline.mailsTo(signup.email()))
                    .as("emails to %s", signup.email())
                    .singleElement()
                    .satisfies(mail -> {
                        assertThat(mail.subject()).isEqualTo("Your Rainmaker server is ready");
                        assertThat(mail.textBody())
                                .contains("Hello " + signup.contactName())
                                .contains(ready.appUrl())
                                .contains(ready.droplet().hostKeyFingerprint());
                    });
            JsonNode customer = ops.ok("/api/customers/" + signup.customerId());
            assertThat(customer.path("stage").isNull())
                    .as(signup.customerId() + " has no stage once ready")
                    .isTrue();
            assertThat(customer.path("stuck").asBoolean()).isFalse();
            assertThat(customer.path("components").size()).isPositive();
            assertThat(timeline(customer)).as(signup.customerId()).containsExactlyElementsOf(GOOD_TIMELINE);
        }
        remember(customers);
        if (alerts != null) {
            await().during(PENDING_FOR.plusSeconds(5))
                    .atMost(PENDING_FOR.plusSeconds(15))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(alerts.raised())
                            .as("alerts firing, or %s pending, after a normal run", Alerts.SLO)
                            .isEmpty());
        }
    }

    @Test
    @Order(3)
    void badSignupsAndAnUnreachableHostFailWithTheirReasonsFireTheDeadLetterAlertAndAGoodSignupAfterThemIsReady() {
        // The mail server fails the first email to ops about a failed customer: the refused-emails panel has data.
        AtomicBoolean firstToOps = new AtomicBoolean(true);
        pipeline.cloud().smtp().onDelivery(delivery -> {
            if (delivery.recipient().startsWith("ops@") && firstToOps.getAndSet(false)) {
                throw new IllegalStateException("the mail server fails one email to ops, as PipelineIT asked");
            }
        });
        SignupReceived refused = DemoSignups.create("e2e-refused", 1).getFirst();
        publish(List.of(refused));
        long refusedDroplet = await().atMost(Duration.ofSeconds(60))
                .until(() -> pipeline.dropletsOf(refused.customerId()), droplets -> !droplets.isEmpty())
                .getFirst()
                .id();
        pipeline.cloud().hosts().refuseConnections(refusedDroplet, Duration.ofHours(1));
        SignupReceived noEmail = DemoSignups.create("e2e-no-email", 1).getFirst();
        SignupReceived valid = DemoSignups.create("e2e-after-bad", 1).getFirst();
        pipeline.kafka().publish(EventType.SIGNUP_RECEIVED.topic(), "e2e-not-json", "this is not JSON {");
        pipeline.kafka()
                .publish(
                        EventType.SIGNUP_RECEIVED.topic(),
                        noEmail.customerId(),
                        EventJson.write(noEmail).replace("\"" + noEmail.email() + "\"", "null"));
        publish(List.of(valid));

        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.readyCustomers(Set.of(valid.customerId())).size() == 1);
        Map<String, TopicRecord> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> recordsOf(
                                        EventType.SIGNUP_RECEIVED.deadLetterTopic(),
                                        Set.of("e2e-not-json", noEmail.customerId()))
                                .stream()
                                .collect(Collectors.toMap(TopicRecord::key, Function.identity(), (a, b) -> a)),
                        letters -> letters.size() == 2);
        assertThat(deadLetters.get("e2e-not-json").header("dead-letter-reason"))
                .startsWith("the SignupReceived event is not valid JSON");
        assertThat(deadLetters.get(noEmail.customerId()).header("dead-letter-reason"))
                .containsIgnoringCase("email");
        assertThat(deadLetters.get(noEmail.customerId()).header("rainmaker-stage"))
                .isEqualTo("validating the sign-up");
        assertThat(pipeline.dropletsOf(noEmail.customerId())).isEmpty();
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> recordsOf(EventType.PROVISIONING_FAILED.topic(), Set.of(noEmail.customerId())),
                                failures -> !failures.isEmpty()))
                .as("the rejected sign-up reported as failed; the unreadable one names no customer")
                .hasSize(1);
        assertThat(recordsOf(EventType.PROVISIONING_FAILED.topic(), Set.of("e2e-not-json")))
                .isEmpty();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> pipeline.mailsTo("ops@rainmaker.example").stream()
                        .anyMatch(mail -> mail.textBody().contains(noEmail.customerId())));

        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(ops.ok("/api/customers/" + noEmail.customerId())
                            .path("state")
                            .asText())
                    .isEqualTo("failed");
            JsonNode refusedNow = ops.ok("/api/customers/" + refused.customerId());
            // failed, then its droplet destroyed: torn-down
            assertThat(refusedNow.path("state").asText()).isEqualTo("torn-down");
            assertThat(timeline(refusedNow)).contains("compensation rainmaker.droplet-torn-down");
        });
        JsonNode rejected = ops.ok("/api/customers/" + noEmail.customerId());
        assertThat(rejected.path("failedStage").asText()).isEqualTo("droplet");
        assertThat(rejected.path("failure").asText()).isEqualTo("permanent");
        assertThat(rejected.path("reason").asText()).containsIgnoringCase("email");
        assertThat(timeline(rejected))
                .containsExactly(
                        "event rainmaker.signup-received",
                        "failed rainmaker.provisioning-failed",
                        "dead-letter rainmaker.signup-received.dlq");
        JsonNode refusedCustomer = ops.ok("/api/customers/" + refused.customerId());
        assertThat(refusedCustomer.path("failedStage").asText()).isEqualTo("hardening");
        assertThat(refusedCustomer.path("reason").asText()).contains("could not reach");
        // host-access's HostUnreachable (connect budget spent) names no kind of failure: it reads as permanent
        assertThat(refusedCustomer.path("failure").asText()).isEqualTo("permanent");
        assertThat(timeline(refusedCustomer))
                .containsExactly(
                        "event rainmaker.signup-received",
                        "event rainmaker.droplet-requested",
                        "event rainmaker.droplet-active",
                        "failed rainmaker.provisioning-failed",
                        "dead-letter rainmaker.droplet-active.dlq",
                        "compensation rainmaker.droplet-torn-down");
        JsonNode rejectedLetters = ops.ok("/api/dead-letters?customer=" + noEmail.customerId());
        assertThat(rejectedLetters).hasSize(1);
        assertThat(rejectedLetters.get(0).path("replayed").asBoolean()).isFalse();
        assertThat(rejectedLetters.get(0).path("originalTopic").asText()).isEqualTo(EventType.SIGNUP_RECEIVED.topic());
        remember(Set.of(noEmail.customerId(), refused.customerId(), valid.customerId()));

        if (alerts != null) {
            await().atMost(ALERT_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(alerts.firing(Alerts.DEAD_LETTERS))
                            .as("%s firing after a poison sign-up", Alerts.DEAD_LETTERS)
                            .anySatisfy(labels -> assertThat(labels)
                                    .containsEntry("topic", EventType.SIGNUP_RECEIVED.deadLetterTopic())));
        }
    }

    @Test
    @Order(4)
    void signUpsThroughTheApiReachReadyWithSignedWebhooksIdempotentRetriesAndNothingLostWhenAnInstanceDies()
            throws Exception {
        madeSecrets.putAll(ApiJourney.run(pipeline, ops.port(), users));
    }

    @Test
    @Order(5)
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

        ServiceProcess second = pipeline.startStatus(2, users, PipelineIT::shortStackDeadline);
        secondOps = new StatusApi(second.httpPort(), StatusUsers.OPS, users.opsPassword());
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            assertThat(answers(secondOps)).isEqualTo(before);
            assertThat(answers(ops)).isEqualTo(before);
        });
    }

    @Test
    @Order(6)
    void customersWaitingOnAStoppedStackServiceTurnStuckAndPageUntilItIsBack() {
        ServiceProcess stopped = service("stack-service-1");
        stopped.close();
        misbehaveOnTheWay();
        Set<String> stalled = publish(DemoSignups.create("e2e-stalled", 3));
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
                .untilAsserted(() -> assertThat(ops.stuckAt("stack") + secondOps.stuckAt("stack"))
                        .as("rainmaker_customers_stuck{stage=\"stack\"} summed over both instances")
                        .isEqualTo(stalled.size()));
        if (alerts != null) {
            await().atMost(ALERT_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(alerts.firing(Alerts.SERVICE_UNAVAILABLE))
                        .as(
                                "%s firing while stack-service is stopped with %d customers waiting",
                                Alerts.SERVICE_UNAVAILABLE, stalled.size())
                        .anySatisfy(labels -> assertThat(labels).containsEntry("service", "stack-service"));
                assertThat(alerts.firing(Alerts.SERVICE_DOWN))
                        .as("%s firing while stack-service is stopped", Alerts.SERVICE_DOWN)
                        .anySatisfy(labels -> assertThat(labels)
                                .containsEntry("job", "stack-service")
                                .containsEntry("instance", "stack-service-1"));
                assertThat(alerts.firing(Alerts.CUSTOMERS_STUCK))
                        .as(
                                "%s firing while %d customers wait on a stopped stack-service",
                                Alerts.CUSTOMERS_STUCK, stalled.size())
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
            assertThat(ops.stuckAt("stack") + secondOps.stuckAt("stack")).isZero();
        });
        if (alerts != null) {
            await().atMost(ALERT_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(alerts.prometheus().alerts())
                            .as("alerts about stack-service once it is back and its customers are ready")
                            .noneSatisfy(alert -> assertThat(alert.labels())
                                    .containsAnyOf(
                                            Map.entry("service", "stack-service"),
                                            Map.entry("job", "stack-service"),
                                            Map.entry("stage", "stack"))));
        }
    }

    @Test
    @Order(7)
    void everyPanelOfTheDashboardShowsDataAfterTheRun() {
        assumePrometheus();
        DashboardCheck check = DashboardCheck.of(LocalPipeline.repository().resolve(DASHBOARD), alerts.prometheus());
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(check.withoutData())
                        .as("panel queries Prometheus refuses or that return no series, of %d checked", check.checked())
                        .isEmpty());
    }

    @Test
    @Order(8)
    void noSecretAppearsInAnyTopicServiceLogOrEmail() throws Exception {
        Map<String, String> secrets = PipelineSecrets.of(pipeline.cloud());
        secrets.putAll(madeSecrets);
        assertThat(secrets.keySet())
                .as("database passwords generated on the droplets")
                .filteredOn(what -> what.endsWith("database password"))
                .hasSize(pipeline.cloud().digitalOcean().droplets().size());

        Map<String, String> places = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            for (String topic : List.of(type.topic(), type.deadLetterTopic())) {
                pipeline.kafka()
                        .readAll(topic)
                        .forEach(record -> places.merge(
                                "topic " + topic,
                                record.key() + " " + record.headers() + " " + record.value(),
                                String::concat));
            }
        }
        try (var files = Files.list(pipeline.logs())) {
            for (Path log : files.toList()) {
                places.put("log " + log.getFileName(), Files.readString(log));
            }
        }
        pipeline.cloud()
                .smtp()
                .receivedMessages()
                .forEach(mail ->
                        places.merge("emails", mail.subject() + mail.textBody() + mail.htmlBody(), String::concat));

        assertThat(places).as("places scanned").containsKeys("topic rainmaker.customer-ready", "emails");
        PipelineSecrets.assertNoneIn(secrets, places);
    }

    @Test
    @Order(9)
    void eachServiceRunsFromTheAotCacheItsTrainingRunWrote() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25 or later");
        for (ServiceProcess service : pipeline.services()) {
            String name = service.name().replaceFirst("-\\d+$", "");
            AotCache cache =
                    PipelineServices.aotCache(LocalPipeline.repository(), name).orElseThrow();
            assertThat(cache.isCurrent()).as("%s's AOT cache is current", name).isTrue();
            assertThat(Files.readString(Path.of("/proc", String.valueOf(service.pid()), "maps")))
                    .as("what %s has mapped", service.name())
                    .contains(cache.file().toRealPath().toString());
        }
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

    private static List<TopicRecord> recordsOf(String topic, Set<String> customers) {
        return pipeline.recordsOf(topic, customers);
    }

    private static CustomerReady readyEventOf(String customerId) {
        return pipeline.readyRecordsOf(Set.of(customerId)).stream()
                .map(record -> EventJson.read(record.value(), CustomerReady.class))
                .findFirst()
                .orElseThrow();
    }

    /** Notes what the first instance answers now of each of {@code customers}, for the restarts to answer the same. */
    private static void remember(Set<String> customers) {
        customers.stream().sorted().forEach(id -> answered.put(id, ops.customerButItsAge(id)));
    }

    private static Map<String, JsonNode> answers(StatusApi api) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answered.keySet().forEach(id -> answers.put(id, api.customerButItsAge(id)));
        return answers;
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

    private static void assumePrometheus() {
        assumeTrue(
                alerts != null,
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
