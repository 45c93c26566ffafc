package dev.rainmaker.localcloud.digitalocean;

/**
 * Something in a request that DigitalOcean silently ignores, such as an unknown field ({@code user-data} instead of
 * {@code user_data}) or an unknown query parameter ({@code tag=} instead of {@code tag_name=}), which would lose data
 * or widen a query without an error.
 *
 * @param endpoint method and path template, e.g. {@code POST /v2/droplets}
 * @param message what was ignored
 */
public record RequestWarning(String endpoint, String message) {}
