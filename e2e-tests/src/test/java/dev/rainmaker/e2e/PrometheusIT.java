package dev.rainmaker.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceProcess;
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
 * shortened to {@link #PENDING_FOR} and nothing else changed: a normal run pages nobody, a poison sign-up pages about
 * dead letters, customers held up by a stopped stack-service page about a stalled stage until it is back, and every
 * panel of the dashboard shows data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIT {

    static final Path RULES = Path.of("e2e-tests/src/test/resources/prometheus/temporary-rules.yaml");
    static final Path DASHBOARD = Path.of("e2e-tests/src/test/resources/prometheus/temporary-dashboard.json");

    static final String DEAD_LETTER_ALERT = "RainmakerDeadLetters";
    static final String STALLED_STAGE_ALERT = "RainmakerServiceDown";
    static final String SLO_ALERT = "RainmakerSignupToReadySlo";

    private static final Duration PENDING_FOR = Duration.ofSeconds(4);
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
                UnaryOperator.identity());
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
                        .containsAllEntriesOf(PipelineServices.NAMES.stream()
                                .collect(Collectors.toMap(name -> name + "-1", name -> "up"))));
        assertThat(prometheus.alertingRuleNames())
                .as("alerting rules Prometheus loaded")
                .contains(DEAD_LETTER_ALERT, STALLED_STAGE_ALERT, SLO_ALERT);
    }

    @Test
    @Order(2)
    void aNormalRunOfSignupsFiresNoAlertAndLeavesTheSloAlertQuiet() {
        Set<String> customers = publish(DemoSignups.create("prom-normal", 5));

        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .failFast("an alert was raised during a normal run", () -> !raised().isEmpty())
                .until(() -> pipeline.readyRecordsOf(customers).size() == customers.size());
        await().during(PENDING_FOR.multipliedBy(3))
                .atMost(PENDING_FOR.multipliedBy(4))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(raised())
                        .as("alerts firing, or the SLO alert pending, after a normal run")
                        .isEmpty());
    }

    @Test
    @Order(3)
    void aPoisonSignupFiresTheDeadLetterAlert() {
        pipeline.kafka().publish(EventType.SIGNUP_RECEIVED.topic(), "prom-poison", "this is not JSON {");

        await().atMost(ALERT_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(firing(DEAD_LETTER_ALERT))
                        .as("%s firing after a poison sign-up", DEAD_LETTER_ALERT)
                        .isNotEmpty());
    }

    @Test
    @Order(4)
    void customersWaitingOnAStoppedStackServiceFireTheStalledStageAlertUntilItIsBack() {
        int stack = indexOf("stack-service");
        ServiceProcess stopped = pipeline.services().get(stack);
        stopped.close();
        List<SignupReceived> signups = DemoSignups.create("prom-stalled", 3);
        Set<String> customers = publish(signups);
        try (StageProgress progress = new StageProgress(pipeline.cloud().info().kafkaBootstrapServers(), customers)) {
            await().atMost(PIPELINE_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> progress.inFlight("stack-service") == customers.size());
        }

        await().atMost(ALERT_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(firing(STALLED_STAGE_ALERT))
                        .as(
                                "%s firing while stack-service is stopped with %d customers waiting",
                                STALLED_STAGE_ALERT, customers.size())
                        .isNotEmpty());

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
                .untilAsserted(() -> assertThat(active(STALLED_STAGE_ALERT))
                        .as("%s once stack-service is back and its customers are ready", STALLED_STAGE_ALERT)
                        .isEmpty());
    }

    @Test
    @Order(5)
    void everyPanelOfTheDashboardShowsDataAfterTheRun() {
        List<DashboardQueries.PanelQuery> queries =
                DashboardQueries.of(LocalPipeline.repository().resolve(DASHBOARD));
        assertThat(queries).as("queries in %s", DASHBOARD).isNotEmpty();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(queries)
                        .as("panel queries that Prometheus refuses or that return no series")
                        .allSatisfy(query -> assertThat(prometheus.query(query.expression()))
                                .as(query.toString())
                                .isNotEmpty()));
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

    private static List<Alert> active(String name) {
        return prometheus.alerts().stream()
                .filter(alert -> alert.name().equals(name))
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
