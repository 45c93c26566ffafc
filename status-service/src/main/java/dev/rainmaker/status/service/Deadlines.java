package dev.rainmaker.status.service;

import java.time.Duration;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.status.config.StatusConfig;
import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.Stage;

/** An in-flight customer past its stage's deadline ({@code rainmaker.status.deadline.<stage>}) is stuck. */
@ApplicationScoped
public class Deadlines {

    private final StatusConfig.Deadline deadline;

    public Deadlines(StatusConfig config) {
        this.deadline = config.deadline();
    }

    public Duration of(Stage stage) {
        return switch (stage) {
            case DROPLET -> deadline.droplet();
            case HARDENING -> deadline.hardening();
            case STACK -> deadline.stack();
            case EMAIL -> deadline.email();
        };
    }

    public boolean stuck(CustomerStatus customer, Instant now) {
        return customer.inFlight()
                && customer.stage() != null
                && Duration.between(customer.since(), now).compareTo(of(customer.stage())) > 0;
    }
}
