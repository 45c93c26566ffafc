package dev.rainmaker.api.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import dev.rainmaker.problems.CommonProblemMappers;
import dev.rainmaker.problems.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The door's own refusals as problem bodies, besides {@link CommonProblemMappers}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return Problem.of(
                        "unsupported-media-type", "Unsupported media type", 415, "send the sign-up as application/json")
                .response();
    }
}
