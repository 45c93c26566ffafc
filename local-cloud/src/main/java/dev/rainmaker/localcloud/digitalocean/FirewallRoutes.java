package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cloud firewalls: create (202, status {@code waiting}; a name already taken is 409), list page by page, read, delete.
 * Rules are kept as given; the simulated hosts do not enforce them.
 */
final class FirewallRoutes {

    private final FirewallStore firewalls;
    private final DropletStore droplets;
    private final Clock clock;
    private final Traffic traffic;
    private final Supplier<String> baseUrl;

    FirewallRoutes(
            FirewallStore firewalls, DropletStore droplets, Clock clock, Traffic traffic, Supplier<String> baseUrl) {
        this.firewalls = firewalls;
        this.droplets = droplets;
        this.clock = clock;
        this.traffic = traffic;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.post("/v2/firewalls").handler(this::create);
        router.get("/v2/firewalls").handler(this::list);
        router.get("/v2/firewalls/:id").handler(this::get);
        router.delete("/v2/firewalls/:id").handler(this::delete);
    }

    private void create(RoutingContext context) {
        Optional<JsonObject> body = RequestBodies.object(context);
        if (body.isEmpty()) {
            return;
        }
        FirewallRequest request;
        try {
            request = FirewallRequest.parse(body.get(), droplets::tagExists);
        } catch (Unprocessable e) {
            ApiErrors.unprocessable(context, e.getMessage());
            return;
        }
        request.ignoredFields()
                .forEach(field ->
                        traffic.warn(context, "unknown field '" + field + "' ignored, as DigitalOcean ignores it"));
        Optional<FirewallStore.Firewall> created = firewalls.create(request, clock.instant());
        if (created.isEmpty()) {
            ApiErrors.conflict(context, "duplicate name");
            return;
        }
        JsonResponses.send(
                context, 202, new JsonObject().put("firewall", FirewallJson.firewall(created.get(), "waiting")));
    }

    private void list(RoutingContext context) {
        QueryParameters.warnUnknown(context, traffic, QueryParameters.PAGINATION);
        JsonResponses.ok(
                context,
                Pagination.page(
                        context,
                        baseUrl.get(),
                        "firewalls",
                        firewalls.all().stream()
                                .map(f -> FirewallJson.firewall(f, "succeeded"))
                                .toList()));
    }

    private void get(RoutingContext context) {
        Optional<FirewallStore.Firewall> firewall = firewalls.find(context.pathParam("id"));
        if (firewall.isEmpty()) {
            ApiErrors.notFound(context);
            return;
        }
        JsonResponses.ok(context, new JsonObject().put("firewall", FirewallJson.firewall(firewall.get(), "succeeded")));
    }

    private void delete(RoutingContext context) {
        if (!firewalls.remove(context.pathParam("id"))) {
            ApiErrors.notFound(context);
            return;
        }
        JsonResponses.noContent(context, false);
    }
}
