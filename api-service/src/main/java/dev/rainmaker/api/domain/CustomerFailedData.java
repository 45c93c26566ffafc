package dev.rainmaker.api.domain;

/**
 * The {@code data} of a {@code customer.failed} webhook.
 *
 * @param stage where provisioning stopped, e.g. {@code creating-droplet}
 * @param reason words fit for the customer; never ops' reason
 */
public record CustomerFailedData(String customerId, String stage, String reason) {}
