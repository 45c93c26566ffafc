package dev.rainmaker.api.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the API answers, as an RFC 9457 problem body. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of("not-found", "Not found", 404, "no such resource").response();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problem.of("method-not-allowed", "Method not allowed", 405, e.getMessage())
                .response();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return Problem.of(
                        "unsupported-media-type", "Unsupported media type", 415, "send the sign-up as application/json")
                .response();
    }
}
