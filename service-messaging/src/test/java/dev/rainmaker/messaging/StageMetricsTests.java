package dev.rainmaker.messaging;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.ProvisioningStage;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StageMetrics metrics = new StageMetrics(registry);

    @Test
    void stagesAreLabelledWithOneWordAsHostAccessAndStatusServiceLabelThem() {
        assertThat(StageMetrics.label(ProvisioningStage.HARDENING_HOST)).isEqualTo("hardening");
        assertThat(StageMetrics.label(ProvisioningStage.VALIDATING_SIGNUP)).isEqualTo("signup");
    }

    @Test
    void aRecordInHandIsInProgressUntilItEndsAndItsHandlingIsTimedByOutcome() {
        StageMetrics.Handling first = metrics.started(ProvisioningStage.INSTALLING_STACK, (Instant) null);
        StageMetrics.Handling second = metrics.started(ProvisioningStage.INSTALLING_STACK, (Instant) null);
        assertThat(inProgress("stack")).isEqualTo(2);

        first.done();
        second.failed();

        assertThat(inProgress("stack")).isZero();
        assertThat(duration("stack", "done").count()).isEqualTo(1);
        assertThat(duration("stack", "failed").count()).isEqualTo(1);
    }

    @Test
    void latencyRunsFromTheRecordsPublicationAndIsRecordedOnlyForStagesDone() {
        metrics.started(ProvisioningStage.CREATING_DROPLET, Instant.now().minusSeconds(90))
                .done();
        metrics.started(ProvisioningStage.CREATING_DROPLET, Instant.now().minusSeconds(30))
                .failed();
        metrics.started(ProvisioningStage.CREATING_DROPLET, (Instant) null).done();

        Timer latency =
                registry.get(StageMetrics.LATENCY).tag("stage", "droplet").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.SECONDS)).isBetween(90.0, 100.0);
    }

    @Test
    void prometheusSeesEveryMeterUnderItsConventionalNameWithHistogramBucketsForQuantiles() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StageMetrics scraped = new StageMetrics(prometheus);
        scraped.started(ProvisioningStage.HARDENING_HOST, Instant.now().minusSeconds(5))
                .done();
        scraped.provisioningFailed(ProvisioningStage.HARDENING_HOST, FailureKind.PERMANENT, 3);
        scraped.deadLettered("hardening", "rainmaker.droplet-active");

        assertThat(prometheus.scrape())
                .contains("rainmaker_stage_duration_seconds_bucket{outcome=\"done\",stage=\"hardening\",le=\"")
                .contains("rainmaker_stage_latency_seconds_bucket{stage=\"hardening\",le=\"")
                .contains("rainmaker_stage_in_progress{stage=\"hardening\",} 0.0")
                .contains("rainmaker_stage_failure_attempts_sum{stage=\"hardening\",} 3.0")
                .contains("rainmaker_provisioning_failed_total{kind=\"permanent\",stage=\"hardening\",} 1.0")
                .contains(
                        "rainmaker_dead_letters_total{stage=\"hardening\",topic=\"rainmaker.droplet-active.dlq\",} 1.0");
    }

    @Test
    void aCustomerGivenUpIsCountedByStageAndKindWithTheAttemptsTaken() {
        metrics.provisioningFailed(ProvisioningStage.HARDENING_HOST, FailureKind.BUDGET_SPENT, 4);
        metrics.provisioningFailed(ProvisioningStage.HARDENING_HOST, FailureKind.PERMANENT, 1);

        assertThat(registry.get(StageMetrics.PROVISIONING_FAILED)
                        .tags("stage", "hardening", "kind", "budget-spent")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(StageMetrics.FAILURE_ATTEMPTS)
                        .tag("stage", "hardening")
                        .summary()
                        .totalAmount())
                .isEqualTo(5);
    }

    @Test
    void deadLettersAreCountedByTheirDeadLetterTopic() {
        metrics.deadLettered("hardening", "rainmaker.droplet-active");
        metrics.deadLettered("hardening", "rainmaker.droplet-active");

        assertThat(registry.get(StageMetrics.DEAD_LETTERS)
                        .tags("stage", "hardening", "topic", "rainmaker.droplet-active.dlq")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    private double inProgress(String stage) {
        return registry.get(StageMetrics.IN_PROGRESS)
                .tag("stage", stage)
                .gauge()
                .value();
    }

    private Timer duration(String stage, String outcome) {
        return registry.get(StageMetrics.DURATION)
                .tags("stage", stage, "outcome", outcome)
                .timer();
    }
}
