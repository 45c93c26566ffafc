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

    static void conflict(RoutingContext context, String message) {
        send(context, 409, "conflict", message);
    }

    static void unprocessable(RoutingContext context, String message) {
        send(context, 422, "unprocessable_entity", message);
    }

    static void tooManyRequests(RoutingContext context) {
        send(context, 429, "too_many_requests", "API Rate limit exceeded.");
    }

    static void serverError(RoutingContext context) {
        send(context, 500, "server_error", "Unexpected server-side error");
    }

    static void send(RoutingContext context, int status, String id, String message) {
        JsonResponses.send(context, status, new JsonObject().put("id", id).put("message", message));
    }
}
