package dev.rainmaker.status.service;

import java.time.Clock;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.status.domain.TimelineEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code rainmaker_status_view_lag_seconds}: how long after its record's timestamp each timeline entry entered this
 * instance's view (store and live feed), as a histogram for Prometheus' {@code histogram_quantile}. Only entries the
 * view folds count: a restore from the changelog folds nothing. A view started on topics with history (a new
 * application id) folds that history first, each entry as late as its record is old.
 */
@ApplicationScoped
public class ViewLag {

    private final Timer lag;
    private final Clock clock;

    @Inject
    public ViewLag(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    ViewLag(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.lag = Timer.builder("rainmaker.status.view.lag")
                .description("How long after its record's timestamp a timeline entry entered the view")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    public void entered(TimelineEntry entry) {
        lag.record(Duration.between(entry.at(), clock.instant()));
    }
}
