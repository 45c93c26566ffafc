package dev.rainmaker.status.service;

import java.time.Duration;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.CustomerView;

/** A stored status as the API shows it, at a given moment: its age and whether it is stuck then. */
@ApplicationScoped
public class CustomerViews {

    private final Deadlines deadlines;

    public CustomerViews(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    public CustomerView of(CustomerStatus status, Instant now) {
        return new CustomerView(
                status.customerId(),
                status.email(),
                status.contactName(),
                status.plan(),
                status.state(),
                status.stage(),
                status.since(),
                ageSeconds(status.since(), now),
                deadlines.stuck(status, now),
                status.reason(),
                status.failure(),
                status.failedStage(),
                status.droplet(),
                status.components(),
                status.appUrl(),
                status.timeline());
    }

    static double ageSeconds(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
