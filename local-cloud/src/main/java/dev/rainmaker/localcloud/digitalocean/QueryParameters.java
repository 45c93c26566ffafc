package dev.rainmaker.localcloud.digitalocean;

import java.util.Set;

import io.vertx.ext.web.RoutingContext;

/** DigitalOcean ignores query parameters it does not know; the stand-in ignores them too, with a warning. */
final class QueryParameters {

    static final Set<String> PAGINATION = Set.of("page", "per_page");

    private QueryParameters() {}

    static void warnUnknown(RoutingContext context, Traffic traffic, Set<String> known) {
        context.queryParams().names().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> traffic.warn(
                        context, "unknown query parameter '" + name + "' ignored, as DigitalOcean ignores it"));
    }

    static Set<String> paginationAnd(String... names) {
        return Set.copyOf(java.util.stream.Stream.concat(PAGINATION.stream(), Set.of(names).stream())
                .toList());
    }
}
