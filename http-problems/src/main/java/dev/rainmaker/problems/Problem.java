package dev.rainmaker.problems;

import java.util.List;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem body ({@code application/problem+json}); {@code type} names the problem by its slug, and a
 * request refused for what is in it lists every field that is wrong.
 */
@Schema(name = "Problem", description = "Why a request was refused (RFC 9457).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://rainmaker.dev/problems/";

    /** One wrong field: its JSON path (e.g. {@code adminUsers[2].publicKey}) and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String detail) {}

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPES + slug, title, status, detail, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors));
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The answer with a header a client acts on: a challenge, a {@code Retry-After}. */
    public Response response(String header, String value) {
        return Response.fromResponse(response()).header(header, value).build();
    }
}
