package dev.rainmaker.status.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.StageFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Per stage, {@code rainmaker_customers_in_flight}, {@code rainmaker_customers_stuck} and
 * {@code rainmaker_customers_oldest_in_flight_seconds}, over the customers of this instance's partitions only: every
 * instance reports its own share, so Prometheus sums them ({@code sum by (stage)}) and takes the max of the oldest.
 * A scrape counts from a snapshot at most a few seconds old; while the view cannot be read, the last snapshot stands.
 */
@ApplicationScoped
public class StatusGauges {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final LocalCustomers customers;
    private final Deadlines deadlines;
    private volatile List<StageFigures> snapshot;
    private volatile Instant takenAt = Instant.EPOCH;

    public StatusGauges(LocalCustomers customers, Deadlines deadlines) {
        this.customers = customers;
        this.deadlines = deadlines;
        this.snapshot =
                List.of(Stage.values()).stream().map(StageFigures::empty).toList();
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            gauge(
                    registry,
                    "rainmaker_customers_in_flight",
                    "Customers waiting in the stage now",
                    stage,
                    StageFigures::inFlight);
            gauge(
                    registry,
                    "rainmaker_customers_stuck",
                    "Customers waiting in the stage past its deadline",
                    stage,
                    StageFigures::stuck);
            gauge(
                    registry,
                    "rainmaker_customers_oldest_in_flight_seconds",
                    "How long the customer waiting longest in the stage has waited",
                    stage,
                    StageFigures::oldestAgeSeconds);
        }
    }

    private void gauge(
            MeterRegistry registry, String name, String help, Stage stage, ToDoubleFunction<StageFigures> value) {
        Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.figures(stage)))
                .description(help)
                .tag("stage", stage.word())
                .register(registry);
    }

    /** The stage's figures from a fresh enough snapshot. */
    synchronized StageFigures figures(Stage stage) {
        Instant now = Instant.now();
        if (Duration.between(takenAt, now).compareTo(FRESH) > 0) {
            try {
                StageFigureCounter counter = new StageFigureCounter(deadlines, now);
                customers.forEach(counter::count);
                snapshot = counter.figures();
                takenAt = now;
            } catch (ViewUnavailableException e) {
                // restoring or rebalancing: the last snapshot stands
            }
        }
        return snapshot.get(stage.ordinal());
    }
}
