package dev.rainmaker.localcloud.digitalocean;

import java.util.Optional;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a JSON object body. A body that is not JSON, or JSON but not an object, is answered 400 {@code bad_request};
 * a missing or empty body 422 {@code unprocessable_entity}, since DigitalOcean then finds the required fields missing.
 */
final class RequestBodies {

    private RequestBodies() {}

    /** The body, or empty after the error has been answered. */
    static Optional<JsonObject> object(RoutingContext context) {
        String text = context.body() == null ? null : context.body().asString();
        if (text == null || text.isBlank()) {
            ApiErrors.unprocessable(context, "The request body is missing.");
            return Optional.empty();
        }
        try {
            return Optional.of(new JsonObject(text));
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.badRequest(context, "The request body is not a JSON object.");
            return Optional.empty();
        }
    }
}
