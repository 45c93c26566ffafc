package dev.rainmaker.api.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import dev.rainmaker.problems.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Refuses a body declared larger than a sign-up can be before a byte of it is read, with the same problem body the
 * resource answers a larger chunked one with (Quarkus's own limit, 1M here, answers without a problem body).
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router) {
        router.route("/v1/*").order(-100).handler(request -> {
            String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredOver(length)) {
                Problem problem =
                        Problems.tooLarge(CustomersResource.MAX_BODY_BYTES).problem();
                request.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
            request.next();
        });
    }

    private static boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.trim()) > CustomersResource.MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
