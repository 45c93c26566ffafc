package dev.rainmaker.hostaccess.resume;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What resuming stages count, low cardinality (stage, cause, activity: a handful of words each; never a customer or a
 * host): in Prometheus {@code rainmaker_host_resumptions_total{stage,cause}}, {@code
 * rainmaker_host_waits_total{stage,activity}}, {@code rainmaker_host_waiting{stage}} (hosts waiting now), {@code
 * rainmaker_host_dpkg_repairs_total{stage}} and {@code rainmaker_host_stage_seconds{stage,outcome}}.
 */
final class ResumeMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

    ResumeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void resumed(String stage, String cause) {
        registry.counter("rainmaker.host.resumptions", "stage", stage, "cause", cause)
                .increment();
    }

    void waitStarted(String stage, String activity) {
        registry.counter("rainmaker.host.waits", "stage", stage, "activity", activity)
                .increment();
        waitingIn(stage).incrementAndGet();
    }

    void waitEnded(String stage) {
        waitingIn(stage).decrementAndGet();
    }

    void dpkgRepaired(String stage) {
        registry.counter("rainmaker.host.dpkg.repairs", "stage", stage).increment();
    }

    /** @param outcome {@code done}, {@code permanent} or {@code budget-spent} */
    void stageEnded(String stage, String outcome, Duration took) {
        registry.timer("rainmaker.host.stage", "stage", stage, "outcome", outcome)
                .record(took);
    }

    private AtomicInteger waitingIn(String stage) {
        return waiting.computeIfAbsent(stage, s -> {
            AtomicInteger hosts = new AtomicInteger();
            Gauge.builder("rainmaker.host.waiting", hosts, AtomicInteger::get)
                    .tags(Tags.of("stage", s))
                    .description("hosts a stage waits for now, busy with their packages")
                    .strongReference(true)
                    .register(registry);
            return hosts;
        });
    }
}
