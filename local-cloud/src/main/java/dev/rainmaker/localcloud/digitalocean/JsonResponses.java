package dev.rainmaker.localcloud.digitalocean;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes a JSON body the way DigitalOcean does (content type, status). */
final class JsonResponses {

    private JsonResponses() {}

    static void send(RoutingContext context, int status, JsonObject body) {
        context.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    static void ok(RoutingContext context, JsonObject body) {
        send(context, 200, body);
    }
}
