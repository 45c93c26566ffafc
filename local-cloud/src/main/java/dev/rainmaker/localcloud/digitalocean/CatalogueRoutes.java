package dev.rainmaker.localcloud.digitalocean;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/sizes}, {@code /v2/regions}, {@code /v2/images}: the catalogue, paginated. */
final class CatalogueRoutes {

    private static final Set<String> IMAGE_PARAMETERS = QueryParameters.paginationAnd("type", "private", "tag_name");

    private final Catalogue catalogue;
    private final Traffic traffic;
    private final Supplier<String> baseUrl;

    CatalogueRoutes(Catalogue catalogue, Traffic traffic, Supplier<String> baseUrl) {
        this.catalogue = catalogue;
        this.traffic = traffic;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.get("/v2/sizes").handler(context -> list(context, QueryParameters.PAGINATION, "sizes", sizes()));
        router.get("/v2/regions").handler(context -> list(context, QueryParameters.PAGINATION, "regions", regions()));
        router.get("/v2/images").handler(this::images);
    }

    private void images(RoutingContext context) {
        String type = context.request().getParam("type");
        // Every image of the catalogue is a public distribution image.
        boolean wanted = type == null || type.equals("distribution");
        List<JsonObject> images = wanted
                ? catalogue.images().stream().map(i -> i.toJson(catalogue)).toList()
                : List.of();
        list(context, IMAGE_PARAMETERS, "images", images);
    }

    private List<JsonObject> sizes() {
        return catalogue.sizes().stream().map(s -> s.toJson(catalogue)).toList();
    }

    private List<JsonObject> regions() {
        return catalogue.regions().stream().map(CatalogueRegion::toJson).toList();
    }

    private void list(RoutingContext context, Set<String> parameters, String key, List<JsonObject> items) {
        QueryParameters.warnUnknown(context, traffic, parameters);
        JsonResponses.ok(context, Pagination.page(context, baseUrl.get(), key, items));
    }
}
