package dev.rainmaker.status.service;

import java.util.Optional;
import java.util.function.Consumer;

import dev.rainmaker.status.domain.CustomerStatus;

/** The customers of this instance's partitions, as its store holds them now. */
public interface LocalCustomers {

    Optional<CustomerStatus> find(String customerId);

    void forEach(Consumer<CustomerStatus> action);
}
