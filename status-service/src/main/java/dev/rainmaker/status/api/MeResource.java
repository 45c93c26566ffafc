package dev.rainmaker.status.api;

import java.util.List;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code GET /api/me}: who is signed in and with which roles (the console shows replay buttons to operators). */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final SecurityIdentity identity;

    MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Authenticated
    public Me me() {
        return new Me(
                identity.getPrincipal().getName(),
                identity.getRoles().stream().sorted().toList());
    }

    public record Me(String user, List<String> roles) {}
}
