package dev.rainmaker.status.api;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.rainmaker.status.client.PeerClient;
import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.StageFigures;
import dev.rainmaker.status.service.Deadlines;
import dev.rainmaker.status.service.LocalCustomers;
import dev.rainmaker.status.service.StageFigureCounter;
import org.jboss.resteasy.reactive.RestHeader;

/** {@code GET /api/stages}: per stage, in pipeline order, over every instance's customers; zeros when there are none. */
@Path("/api/stages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class StagesResource {

    private final LocalCustomers customers;
    private final Deadlines deadlines;
    private final ViewRouter router;

    StagesResource(LocalCustomers customers, Deadlines deadlines, ViewRouter router) {
        this.customers = customers;
        this.deadlines = deadlines;
        this.router = router;
    }

    @GET
    public List<StageFigures> stages(
            @RestHeader(PeerClient.SCOPE_HEADER) String scope, @RestHeader("Authorization") String authorization) {
        Map<Stage, StageFigures> total = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            total.put(stage, StageFigures.empty(stage));
        }
        for (StageFigures[] part :
                router.fromAll(scope, authorization, "/api/stages", StageFigures[].class, this::local)) {
            for (StageFigures figures : part) {
                total.merge(figures.stage(), figures, StageFigures::plus);
            }
        }
        return List.copyOf(total.values());
    }

    private StageFigures[] local() {
        StageFigureCounter counter = new StageFigureCounter(deadlines, Instant.now());
        customers.forEach(counter::count);
        return counter.figures().toArray(StageFigures[]::new);
    }
}
