package dev.rainmaker.localcloud.digitalocean;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v2/tags} (201, also for a tag that exists) and {@code GET /v2/tags/{name}}: a firewall may only name
 * tags that exist, and a tag exists once created or once a droplet carried it.
 */
final class TagRoutes {

    private static final Pattern TAG = Pattern.compile("^[a-zA-Z0-9_\\-:]{1,255}$");

    private final DropletStore droplets;
    private final Supplier<String> baseUrl;

    TagRoutes(DropletStore droplets, Supplier<String> baseUrl) {
        this.droplets = droplets;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.post("/v2/tags").handler(this::create);
        router.get("/v2/tags/:name").handler(this::get);
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

    private JsonObject tag(String name) {
        List<DropletState> tagged = droplets.list(d -> d.tags.contains(name));
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
