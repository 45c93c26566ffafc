package dev.rainmaker.status.api;

import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.rainmaker.deadletters.DeadLetters;
import dev.rainmaker.deadletters.Position;
import dev.rainmaker.deadletters.Replay;
import dev.rainmaker.problems.Problem;
import dev.rainmaker.problems.ProblemException;
import dev.rainmaker.status.domain.DeadLetterView;
import dev.rainmaker.status.service.DeadLetterViews;
import io.smallrye.common.annotation.Blocking;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /api/dead-letters}: the pipeline's dead letters, read from the dead-letter topics themselves (any instance
 * answers for all), and their replay, exactly once whoever asks (the dead-letters library, as {@code ./rainmaker dlq}).
 */
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DeadLettersResource {

    private final DeadLetters deadLetters;

    DeadLettersResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed("viewer")
    public List<DeadLetterView> list(@RestQuery String topic, @RestQuery String customer) {
        DeadLetters.Filter filter = new DeadLetters.Filter(blankToNull(topic), blankToNull(customer));
        return deadLetters.list(filter).stream()
                .map(listed -> DeadLetterViews.of(listed.letter(), listed.replayed()))
                .toList();
    }

    @POST
    @Path("{topic}/{partition}/{offset}/replay")
    @RolesAllowed("operator")
    public Replayed replay(@RestPath String topic, @RestPath String partition, @RestPath String offset) {
        Position position;
        try {
            position = Position.parse(topic + "/" + partition + "/" + offset);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of("malformed-position", "Malformed position", 400, e.getMessage()));
        }
        Replay replay = deadLetters.replay(position);
        return switch (replay.outcome()) {
            case REPLAYED -> new Replayed(DeadLetterViews.of(replay.letter().orElseThrow(), true));
            case ALREADY_REPLAYED ->
                throw new ProblemException(Problem.of(
                        "already-replayed",
                        "Already replayed",
                        409,
                        "the dead letter " + position + " was replayed before; it is not sent twice"));
            case NO_SUCH_DEAD_LETTER ->
                throw new ProblemException(
                        Problem.of("unknown-dead-letter", "Unknown dead letter", 404, "no dead letter at " + position));
        };
    }

    /** The answer to a replay: the dead letter that was sent back to its original topic. */
    public record Replayed(DeadLetterView replayed) {}

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
