package dev.rainmaker.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
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
 * A real Prometheus scraping every service of one pipeline run with the real alerting rules, their {@code for:}
 * shortened to {@link #PENDING_FOR} and nothing else changed: a normal run pages nobody, a poison sign-up raises the
 * dead-letter alert, customers waiting on a stopped stack-service page (the service down, and stuck past their
 * stage's deadline in status-service's view) until it is back, and every panel of the dashboard shows data once the
 * run has made it exist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIT {

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

    /** Longer than a droplet takes to become active here, so that bootstrap-service finds SSH refused at first. */
    private static final Duration SSH_REFUSED_AFTER_BOOT = Duration.ofSeconds(10);

    private static final Duration STACK_COMMAND_TIMEOUT = Duration.ofSeconds(8);
    /** status-service's stack deadline: longer than a simulated install, far shorter than a stopped stack-service. */
    private static final Duration STACK_DEADLINE = Duration.ofSeconds(10);

    private static final Duration SLOW_INSTALL = Duration.ofSeconds(14);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(60);

    private static LocalPipeline pipeline;
    private static PrometheusApi prometheus;

    @BeforeAll
    static void startPipelineWithPrometheus() {
        assumeTrue(
                PrometheusServer.unavailability().isEmpty(),
                () -> "skipped: " + PrometheusServer.unavailability().orElseThrow());
        pipeline = LocalPipeline.start(
                "e2e-prometheus",
                1,
                Duration.ofSeconds(1),
                options -> options.withPrometheus(
                        PrometheusSettings.forTests(LocalPipeline.repository().resolve(RULES), PENDING_FOR)),
                cloud -> {},
                launch -> launch.name().startsWith("stack-service")
                        ? launch.withSystemProperty("rainmaker.ssh.command-timeout", STACK_COMMAND_TIMEOUT.toString())
                        : launch);
        pipeline.startStatus(
                1,
                StatusUsers.generate(),
                launch -> launch.withSystemProperty("rainmaker.status.deadline.stack", STACK_DEADLINE.toString()));
        prometheus =
                new PrometheusApi(pipeline.cloud().info().prometheus().url().orElseThrow());
    }

    @AfterAll
    static void stopEverything() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void scrapesEveryServiceUnderItsNameWithTheRealRulesLoaded() {
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
    void aNormalRunFiresNoAlertAndLeavesTheSloAlertQuiet() {
        Set<String> customers = publish(DemoSignups.create("prom-normal", 5));

        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .failFast(
                        "an alert was raised during a normal run",
                        () -> assertThat(raised())
                                .as("alerts firing, or %s even pending", SLO_ALERT)
                                .isEmpty())
                .until(() -> pipeline.readyRecordsOf(customers).size() == customers.size());
        await().during(PENDING_FOR.plusSeconds(5))
                .atMost(PENDING_FOR.plusSeconds(15))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(raised())
                        .as("alerts firing, or %s pending, after a normal run", SLO_ALERT)
                        .isEmpty());
    }

    @Test
    @Order(3)
    void aPoisonSignupFiresTheDeadLetterAlertForItsTopic() {
        // The mail server fails the first email to ops about the failed customer: the refused-emails panel has data.
        AtomicBoolean firstToOps = new AtomicBoolean(true);
        pipeline.cloud().smtp().onDelivery(delivery -> {
            if (delivery.recipient().startsWith("ops@") && firstToOps.getAndSet(false)) {
                throw new IllegalStateException("the mail server fails one email to ops, as PrometheusIT asked");
            }
        });
        SignupReceived noEmail = DemoSignups.create("prom-no-email", 1).getFirst();
        pipeline.kafka().publish(EventType.SIGNUP_RECEIVED.topic(), "prom-poison", "this is not JSON {");
        pipeline.kafka()
                .publish(
                        EventType.SIGNUP_RECEIVED.topic(),
                        noEmail.customerId(),
                        EventJson.write(noEmail).replace("\"" + noEmail.email() + "\"", "null"));

        await().atMost(ALERT_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(firing(DEAD_LETTER_ALERT))
                        .as("%s firing after a poison sign-up", DEAD_LETTER_ALERT)
                        .anySatisfy(labels -> assertThat(labels)
                                .containsEntry("topic", EventType.SIGNUP_RECEIVED.deadLetterTopic())));
    }

    @Test
    @Order(4)
    void customersWaitingOnAStoppedStackServicePageUntilItIsBack() {
        int stack = indexOf("stack-service");
        ServiceProcess stopped = pipeline.services().get(stack);
        stopped.close();
        misbehaveOnTheWay();
        Set<String> customers = publish(DemoSignups.create("prom-stalled", 3));
        try (StageProgress progress = new StageProgress(pipeline.cloud().info().kafkaBootstrapServers(), customers)) {
            await().atMost(PIPELINE_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> progress.inFlight("stack-service") == customers.size());
        } finally {
            pipeline.cloud().digitalOcean().faults().clear();
            pipeline.cloud().hosts().refuseConnectionsAtEveryBoot(Duration.ZERO);
        }

        await().atMost(ALERT_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(firing(SERVICE_UNAVAILABLE_ALERT))
                    .as(
                            "%s firing while stack-service is stopped with %d customers waiting",
                            SERVICE_UNAVAILABLE_ALERT, customers.size())
                    .anySatisfy(labels -> assertThat(labels).containsEntry("service", "stack-service"));
            assertThat(firing(SERVICE_DOWN_ALERT))
                    .as("%s firing while stack-service is stopped", SERVICE_DOWN_ALERT)
                    .anySatisfy(labels -> assertThat(labels)
                            .containsEntry("job", "stack-service")
                            .containsEntry("instance", "stack-service-1"));
            assertThat(firing(CUSTOMERS_STUCK_ALERT))
                    .as(
                            "%s firing while %d customers wait on a stopped stack-service",
                            CUSTOMERS_STUCK_ALERT, customers.size())
                    .anySatisfy(labels -> assertThat(labels).containsEntry("stage", "stack"));
        });

        ServiceProcess restarted = stopped.restart();
        synchronized (pipeline.services()) {
            pipeline.services().set(stack, restarted);
        }
        restarted.awaitReady(Duration.ofSeconds(120));
        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.readyRecordsOf(customers).size() == customers.size());
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

    @Test
    @Order(5)
    void everyPanelOfTheDashboardShowsDataAfterTheRun() {
        DashboardCheck check = DashboardCheck.of(LocalPipeline.repository().resolve(DASHBOARD), prometheus);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(check.withoutData())
                        .as("panel queries Prometheus refuses or that return no series, of %d checked", check.checked())
                        .isEmpty());
    }

    /**
     * What the next customers meet on the way, so that the dashboard's panels on retries and failures have data:
     * DigitalOcean's 429s and 5xx, hosts refusing SSH for their first {@link #SSH_REFUSED_AFTER_BOOT}, and the first
     * host's stack install outliving stack-service's command timeout (the stage resumes).
     */
    private static void misbehaveOnTheWay() {
        pipeline.cloud().digitalOcean().faults().serverErrors(0.3, 14).rateLimitStorm(Duration.ofSeconds(2));
        pipeline.cloud().hosts().refuseConnectionsAtEveryBoot(SSH_REFUSED_AFTER_BOOT);
        AtomicBoolean firstHost = new AtomicBoolean(true);
        pipeline.cloud().hosts().atEveryBoot(host -> {
            if (firstHost.getAndSet(false)) {
                host.outliveOnce(STACK_INSTALL, SLOW_INSTALL);
            }
        });
    }

    private static Set<String> publish(List<SignupReceived> signups) {
        signups.forEach(signup -> pipeline.kafka()
                .publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));
        return signups.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
    }

    /** Alerts firing, and the SLO alert even when only pending. */
    private static List<Alert> raised() {
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

    private static int indexOf(String service) {
        List<ServiceProcess> services = pipeline.services();
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(service + "-1")) {
                return i;
            }
        }
        throw new IllegalStateException(service + " is not running");
    }
}
