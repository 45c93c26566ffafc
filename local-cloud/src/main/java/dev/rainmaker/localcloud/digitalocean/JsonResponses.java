package dev.rainmaker.localcloud.digitalocean;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every answer of the stand-in goes out here: JSON bodies as DigitalOcean writes them, 204s, and lost answers. */
final class JsonResponses {

    private static final String JSON = "application/json; charset=utf-8";

    private JsonResponses() {}

    static void send(RoutingContext context, int status, JsonObject body) {
        String text = body.encode();
        context.response().setStatusCode(status).putHeader("content-type", JSON);
        Traffic.answered(context, status, text);
        context.response().end(text);
    }

    static void ok(RoutingContext context, JsonObject body) {
        send(context, 200, body);
    }

    /** 204 without a body; DigitalOcean still sets a content type on some (e.g. delete by tag). */
    static void noContent(RoutingContext context, boolean withContentType) {
        context.response().setStatusCode(204);
        if (withContentType) {
            context.response().putHeader("content-type", JSON);
        }
        Traffic.answered(context, 204, null);
        context.response().end();
    }

    /** The request was carried out but its answer is lost: the connection closes without one. */
    static void lose(RoutingContext context) {
        Traffic.answered(context, 0, null);
        context.request().connection().close();
    }
}
