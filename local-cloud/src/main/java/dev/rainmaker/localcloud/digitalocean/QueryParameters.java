package dev.rainmaker.localcloud.digitalocean;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return Stream.concat(PAGINATION.stream(), Stream.of(names)).collect(Collectors.toUnmodifiableSet());
    }
}
