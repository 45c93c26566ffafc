package dev.rainmaker.api.domain;

/** The {@code data} of a {@code customer.ready} webhook: where the customer's server answers. */
public record CustomerReadyData(String customerId, String url, String ip, String hostKeyFingerprint) {}
