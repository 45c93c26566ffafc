package dev.rainmaker.status.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import dev.rainmaker.problems.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every POST must carry {@value #HEADER}: a custom header, which a cross-site form cannot send and a cross-site script
 * cannot send without a CORS preflight this service never grants. Basic credentials that a browser sends on its own
 * therefore cannot be used to replay a dead letter from another site.
 */
public class ConsoleHeaderFilter {

    public static final String HEADER = "X-Rainmaker-Console";

    @ServerRequestFilter(preMatching = true)
    public Response requireConsoleHeader(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && request.getHeaderString(HEADER) == null) {
            return Problem.of(
                            "forbidden", "Forbidden", 403, "missing " + HEADER + " header (cross-site request refused)")
                    .response();
        }
        return null;
    }
}
