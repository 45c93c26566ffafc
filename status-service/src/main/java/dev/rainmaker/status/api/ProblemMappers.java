package dev.rainmaker.status.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.rainmaker.problems.CommonProblemMappers;
import dev.rainmaker.problems.Problem;
import dev.rainmaker.status.service.ViewUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The console API's own refusals as problem bodies, besides {@link CommonProblemMappers}. */
public class ProblemMappers {

    static final String CHALLENGE = "Basic realm=\"rainmaker\"";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Problem.of(
                        "unauthenticated",
                        "Unauthenticated",
                        401,
                        "sign in with HTTP Basic (or an OIDC bearer token where enabled)")
                .response(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", 403, "your roles do not allow this (replaying takes 'operator')")
                .response();
    }

    @ServerExceptionMapper
    public Response unavailable(ViewUnavailableException e) {
        return Problem.of("view-unavailable", "View unavailable", 503, e.getMessage())
                .response(HttpHeaders.RETRY_AFTER, "2");
    }
}
