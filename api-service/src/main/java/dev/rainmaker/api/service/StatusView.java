package dev.rainmaker.api.service;

import java.util.Optional;

import dev.rainmaker.api.domain.StatusCustomer;

/** status-service's view of the customers: the one truth of where each stands. */
public interface StatusView {

    /**
     * The customer as status-service knows it; empty when it has not seen the customer yet.
     *
     * @throws DoorUnavailableException when status-service does not answer in time
     */
    Optional<StatusCustomer> customer(String customerId);
}
