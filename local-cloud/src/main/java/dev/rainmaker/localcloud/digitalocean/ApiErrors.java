package dev.rainmaker.localcloud.digitalocean;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** DigitalOcean's error body: {@code {"id": "...", "message": "..."}} with the matching status code. */
final class ApiErrors {

    private ApiErrors() {}

    static void unauthorized(RoutingContext context) {
        send(context, 401, "unauthorized", "Unable to authenticate you");
    }

    static void notFound(RoutingContext context) {
        send(context, 404, "not_found", "The resource you were accessing could not be found.");
    }

    static void badRequest(RoutingContext context, String message) {
        send(context, 400, "bad_request", message);
    }

    static void unprocessable(RoutingContext context, String message) {
        send(context, 422, "unprocessable_entity", message);
    }

    static void send(RoutingContext context, int status, String id, String message) {
        JsonResponses.send(context, status, new JsonObject().put("id", id).put("message", message));
    }
}
