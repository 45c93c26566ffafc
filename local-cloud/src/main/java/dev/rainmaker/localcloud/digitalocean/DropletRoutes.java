package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Droplets and their actions: create (202, status {@code new}), read, list by tag or name, delete; a droplet turns
 * {@code active} once its boot delay has passed and its host has booted.
 */
final class DropletRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(DropletRoutes.class);

    private final Vertx vertx;
    private final DropletStore store;
    private final Catalogue catalogue;
    private final HostProvider hostProvider;
    private final Duration bootDelay;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    DropletRoutes(
            Vertx vertx,
            DropletStore store,
            Catalogue catalogue,
            HostProvider hostProvider,
            Duration bootDelay,
            Clock clock,
            Supplier<String> baseUrl) {
        this.vertx = vertx;
        this.store = store;
        this.catalogue = catalogue;
        this.hostProvider = hostProvider;
        this.bootDelay = bootDelay;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.post("/v2/droplets").handler(this::create);
        router.get("/v2/droplets").handler(this::list);
        router.get("/v2/droplets/:id").handler(this::get);
        router.delete("/v2/droplets/:id").handler(this::delete);
        router.get("/v2/actions/:id").handler(this::action);
    }

    private void create(RoutingContext context) {
        JsonObject body;
        try {
            body = context.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.badRequest(context, "The request body is not a JSON object.");
            return;
        }
        if (body == null) {
            ApiErrors.unprocessable(context, "The request body is missing.");
            return;
        }
        CreateRequest request;
        try {
            request = CreateRequest.parse(body, catalogue);
        } catch (CreateRequest.Unprocessable e) {
            ApiErrors.unprocessable(context, e.getMessage());
            return;
        }
        DropletState droplet = store.create(request, clock.instant());
        boot(droplet);
        JsonResponses.send(
                context,
                202,
                new JsonObject()
                        .put("droplet", DropletJson.droplet(droplet, catalogue))
                        .put(
                                "links",
                                new JsonObject()
                                        .put(
                                                "actions",
                                                new JsonArray().add(DropletJson.actionLink(droplet, baseUrl.get())))));
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
        String tag = context.request().getParam("tag_name");
        String name = context.request().getParam("name");
        Predicate<DropletState> filter =
                d -> (tag == null || d.tags.contains(tag)) && (name == null || d.name.equals(name));
        List<JsonObject> droplets = store.list(filter).stream()
                .map(d -> DropletJson.droplet(d, catalogue))
                .toList();
        JsonResponses.ok(context, Pagination.page(context, baseUrl.get(), "droplets", droplets));
    }

    private void get(RoutingContext context) {
        Optional<DropletState> droplet = id(context).flatMap(store::find);
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
        vertx.executeBlocking(
                        () -> {
                            hostProvider.destroy(id.get());
                            return null;
                        },
                        false)
                .onFailure(e -> LOG.warn("Host of droplet {} was not destroyed: {}", id.get(), e.toString()));
        context.response().setStatusCode(204).end();
    }

    private void action(RoutingContext context) {
        Optional<DropletState> droplet = id(context).flatMap(store::findByCreateAction);
        if (droplet.isEmpty()) {
            ApiErrors.notFound(context);
            return;
        }
        JsonResponses.ok(context, new JsonObject().put("action", DropletJson.createAction(droplet.get())));
    }

    private static Optional<Long> id(RoutingContext context) {
        try {
            return Optional.of(Long.parseLong(context.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
