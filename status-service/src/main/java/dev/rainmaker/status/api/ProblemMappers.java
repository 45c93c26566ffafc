package dev.rainmaker.status.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.rainmaker.status.service.ViewUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the API answers, as an RFC 9457 problem body. */
public class ProblemMappers {

    static final String CHALLENGE = "Basic realm=\"rainmaker\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().response();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.of(
                                "unauthenticated",
                                "Unauthenticated",
                                401,
                                "sign in with HTTP Basic (or an OIDC bearer token where enabled)")
                        .response())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", 403, "your roles do not allow this (replaying takes 'operator')")
                .response();
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
    public Response unavailable(ViewUnavailableException e) {
        return Response.fromResponse(Problem.of("view-unavailable", "View unavailable", 503, e.getMessage())
                        .response())
                .header(HttpHeaders.RETRY_AFTER, "2")
                .build();
    }
}
