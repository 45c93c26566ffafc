package dev.rainmaker.status.api;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem body ({@code application/problem+json}); {@code type} names the problem by its slug. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://rainmaker.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPES + slug, title, status, detail);
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
