package dev.rainmaker.localcloud.digitalocean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v2/tags} (201, also for a tag that exists), {@code GET /v2/tags/{name}}, and
 * {@code DELETE /v2/tags/{name}/resources} (204: untags the listed resources). A firewall may only name tags that
 * exist, and a tag exists once created or once a droplet carried it; untagging leaves the tag existing.
 */
final class TagRoutes {

    private static final Pattern TAG = Pattern.compile("^[a-zA-Z0-9_\\-:]{1,255}$");

    private static final Set<String> RESOURCE_TYPES =
            Set.of("droplet", "database", "image", "volume", "volume_snapshot");

    private final DropletStore droplets;
    private final Supplier<String> baseUrl;

    TagRoutes(DropletStore droplets, Supplier<String> baseUrl) {
        this.droplets = droplets;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.post("/v2/tags").handler(this::create);
        router.get("/v2/tags/:name").handler(this::get);
        router.delete("/v2/tags/:name/resources").handler(this::untag);
    }

    private void create(RoutingContext context) {
        Optional<JsonObject> body = RequestBodies.object(context);
        if (body.isEmpty()) {
            return;
        }
        if (!(body.get().getValue("name") instanceof String name)
                || !TAG.matcher(name).matches()) {
            ApiErrors.unprocessable(
                    context,
                    "Tag names may contain letters, numbers, colons, dashes and underscores, up to 255 characters.");
            return;
        }
        droplets.createTag(name);
        JsonResponses.send(context, 201, new JsonObject().put("tag", tag(name)));
    }

    private void get(RoutingContext context) {
        String name = context.pathParam("name");
        if (!droplets.tagExists(name)) {
            ApiErrors.notFound(context);
            return;
        }
        JsonResponses.ok(context, new JsonObject().put("tag", tag(name)));
    }

    /**
     * Body {@code {"resources": [{"resource_id": "123", "resource_type": "droplet"}, ...]}}: ids are strings, types
     * one of DigitalOcean's. The stand-in holds droplets only: other resources, and droplets that do not exist (or
     * do not carry the tag), are left as they are. A tag that never existed: 404.
     */
    private void untag(RoutingContext context) {
        Optional<JsonObject> body = RequestBodies.object(context);
        if (body.isEmpty()) {
            return;
        }
        Optional<List<Long>> dropletIds = dropletIds(context, body.get());
        if (dropletIds.isEmpty()) {
            return;
        }
        String name = context.pathParam("name");
        if (!droplets.tagExists(name)) {
            ApiErrors.notFound(context);
            return;
        }
        dropletIds.get().forEach(id -> droplets.find(id).ifPresent(droplet -> droplet.untag(name)));
        JsonResponses.noContent(context, false);
    }

    /** The droplet ids among the resources, or empty after a 422 has been answered. */
    private static Optional<List<Long>> dropletIds(RoutingContext context, JsonObject body) {
        if (!(body.getValue("resources") instanceof JsonArray resources) || resources.isEmpty()) {
            ApiErrors.unprocessable(context, "resources must be a non-empty array of resource_id and resource_type.");
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>();
        for (Object item : resources) {
            if (!(item instanceof JsonObject resource)
                    || !(resource.getValue("resource_id") instanceof String id)
                    || !(resource.getValue("resource_type") instanceof String type)
                    || !RESOURCE_TYPES.contains(type)) {
                ApiErrors.unprocessable(
                        context,
                        "each resource needs a resource_id (a string) and a resource_type (one of "
                                + String.join(
                                        ", ", RESOURCE_TYPES.stream().sorted().toList()) + ").");
                return Optional.empty();
            }
            if (type.equals("droplet")) {
                try {
                    ids.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    // Not a droplet id DigitalOcean could have given: nothing to untag.
                }
            }
        }
        return Optional.of(ids);
    }

    private JsonObject tag(String name) {
        List<DropletState> tagged = droplets.list(d -> d.hasTag(name));
        JsonObject dropletCount = new JsonObject().put("count", tagged.size());
        if (!tagged.isEmpty()) {
            dropletCount.put("last_tagged_uri", baseUrl.get() + "/v2/droplets/" + tagged.getLast().id);
        }
        JsonObject resources = new JsonObject().put("count", tagged.size()).put("droplets", dropletCount);
        if (!tagged.isEmpty()) {
            resources.put("last_tagged_uri", dropletCount.getString("last_tagged_uri"));
        }
        return new JsonObject().put("name", name).put("resources", resources);
    }
}
