package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Droplets and their actions: create one ({@code name}) or up to ten ({@code names}), 202 with status {@code new};
 * read; list filtered by tag or name, page by page; delete one, or all with a tag. A droplet turns {@code active} once
 * its boot delay has passed and its host has booted.
 */
final class DropletRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(DropletRoutes.class);
    private static final Set<String> LIST_PARAMETERS = QueryParameters.paginationAnd("tag_name", "name", "type");

    private final Vertx vertx;
    private final DropletStore store;
    private final Catalogue catalogue;
    private final HostProvider hostProvider;
    private final Duration bootDelay;
    private final Clock clock;
    private final Faults faults;
    private final Traffic traffic;
    private final Supplier<String> baseUrl;

    DropletRoutes(
            Vertx vertx,
            DropletStore store,
            Catalogue catalogue,
            HostProvider hostProvider,
            Duration bootDelay,
            Clock clock,
            Faults faults,
            Traffic traffic,
            Supplier<String> baseUrl) {
        this.vertx = vertx;
        this.store = store;
        this.catalogue = catalogue;
        this.hostProvider = hostProvider;
        this.bootDelay = bootDelay;
        this.clock = clock;
        this.faults = faults;
        this.traffic = traffic;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.post("/v2/droplets").handler(this::create);
        router.get("/v2/droplets").handler(this::list);
        router.delete("/v2/droplets").handler(this::deleteTagged);
        router.get("/v2/droplets/:id").handler(this::get);
        router.delete("/v2/droplets/:id").handler(this::delete);
        router.get("/v2/actions/:id").handler(this::action);
    }

    private void create(RoutingContext context) {
        Optional<JsonObject> body = RequestBodies.object(context);
        if (body.isEmpty()) {
            return;
        }
        CreateRequest request;
        try {
            request = CreateRequest.parse(body.get(), catalogue);
        } catch (Unprocessable e) {
            ApiErrors.unprocessable(context, e.getMessage());
            return;
        }
        request.ignoredFields()
                .forEach(field ->
                        traffic.warn(context, "unknown field '" + field + "' ignored, as DigitalOcean ignores it"));
        Instant now = clock.instant();
        Instant visibleFrom = now.plus(faults.notFoundAfterCreate());
        List<DropletState> created = request.names().stream()
                .map(name -> store.create(request, name, now, faults.takeStuckInNew(), visibleFrom))
                .toList();
        created.forEach(this::boot);
        if (faults.takeLostCreateResponse()) {
            JsonResponses.lose(context);
            return;
        }
        JsonArray actions = new JsonArray();
        created.forEach(d -> actions.add(DropletJson.actionLink(d, baseUrl.get())));
        JsonObject answer = body.get().containsKey("names")
                ? new JsonObject().put("droplets", new JsonArray(dropletsJson(created)))
                : new JsonObject().put("droplet", DropletJson.droplet(created.getFirst(), catalogue));
        JsonResponses.send(context, 202, answer.put("links", new JsonObject().put("actions", actions)));
    }

    private void boot(DropletState droplet) {
        vertx.setTimer(Math.max(1, bootDelay.toMillis()), timer -> droplet.bootDelayPassed(clock.instant()));
        vertx.<String>executeBlocking(
                        () -> hostProvider.boot(new HostSpec(droplet.id, droplet.name, droplet.userData)), false)
                .onSuccess(address -> droplet.hostBooted(address, clock.instant()))
                .onFailure(e -> {
                    LOG.warn("Host for droplet {} ({}) did not boot: {}", droplet.id, droplet.name, e.toString());
                    droplet.hostFailedToBoot();
                });
    }

    private void list(RoutingContext context) {
        QueryParameters.warnUnknown(context, traffic, LIST_PARAMETERS);
        String tag = context.request().getParam("tag_name");
        String name = context.request().getParam("name");
        String type = context.request().getParam("type");
        if (tag != null && (name != null || type != null)) {
            ApiErrors.unprocessable(context, "tag_name can not be combined with name or type.");
            return;
        }
        if (type != null && !type.equals("droplets") && !type.equals("gpus")) {
            ApiErrors.unprocessable(context, "type must be droplets or gpus.");
            return;
        }
        // The stand-in has no GPU droplets.
        boolean gpusOnly = "gpus".equals(type);
        Predicate<DropletState> filter = d -> !gpusOnly
                && (tag == null || d.hasTag(tag))
                && (name == null || d.name.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
        JsonResponses.ok(
                context,
                Pagination.page(
                        context,
                        baseUrl.get(),
                        "droplets",
                        store.list(filter),
                        droplet -> DropletJson.droplet(droplet, catalogue)));
    }

    private void get(RoutingContext context) {
        Optional<DropletState> droplet = id(context).flatMap(store::find).filter(d -> d.visibleAt(clock.instant()));
        if (droplet.isEmpty()) {
            ApiErrors.notFound(context);
            return;
        }
        JsonResponses.ok(context, new JsonObject().put("droplet", DropletJson.droplet(droplet.get(), catalogue)));
    }

    private void delete(RoutingContext context) {
        Optional<Long> id = id(context);
        if (id.isEmpty() || !store.remove(id.get())) {
            ApiErrors.notFound(context);
            return;
        }
        destroyHost(id.get());
        JsonResponses.noContent(context, false);
    }

    private void deleteTagged(RoutingContext context) {
        QueryParameters.warnUnknown(context, traffic, Set.of("tag_name"));
        String tag = context.request().getParam("tag_name");
        if (tag == null || tag.isEmpty()) {
            ApiErrors.unprocessable(context, "tag_name is required to delete Droplets by tag.");
            return;
        }
        if (!store.tagExists(tag)) {
            ApiErrors.notFound(context);
            return;
        }
        store.removeTagged(tag).forEach(this::destroyHost);
        JsonResponses.noContent(context, true);
    }

    private void destroyHost(long dropletId) {
        vertx.executeBlocking(
                        () -> {
                            hostProvider.destroy(dropletId);
                            return null;
                        },
                        false)
                .onFailure(e -> LOG.warn("Host of droplet {} was not destroyed: {}", dropletId, e.toString()));
    }

    private void action(RoutingContext context) {
        Optional<DropletState> droplet = id(context).flatMap(store::findByCreateAction);
        if (droplet.isEmpty()) {
            ApiErrors.notFound(context);
            return;
        }
        JsonResponses.ok(context, new JsonObject().put("action", DropletJson.createAction(droplet.get())));
    }

    private List<JsonObject> dropletsJson(List<DropletState> droplets) {
        return droplets.stream().map(d -> DropletJson.droplet(d, catalogue)).toList();
    }

    private static Optional<Long> id(RoutingContext context) {
        try {
            return Optional.of(Long.parseLong(context.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
