package dev.rainmaker.status.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the view keeps per customer (the value in the store, keyed by customer id): the current state since when, why it
 * failed where it did, the droplet and stack, and the timeline, oldest first. Age and "stuck" are derived when asked.
 *
 * @param stage the stage an in-flight customer waits in; {@code null} otherwise
 * @param failedStage where a failed (or torn-down) customer stopped; {@code null} otherwise
 */
public record CustomerStatus(
        String customerId,
        String email,
        String contactName,
        String plan,
        State state,
        Stage stage,
        Instant since,
        String reason,
        String failure,
        Stage failedStage,
        DropletView droplet,
        Map<String, String> components,
        String appUrl,
        List<TimelineEntry> timeline) {

    public CustomerStatus {
        components = components == null ? Map.of() : Map.copyOf(components);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A customer seen for the first time: in flight at the first stage until an entry says otherwise. */
    public static CustomerStatus first(String customerId, Instant at) {
        return new CustomerStatus(
                customerId,
                null,
                null,
                null,
                State.IN_FLIGHT,
                Stage.DROPLET,
                at,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                List.of());
    }

    public boolean inFlight() {
        return state == State.IN_FLIGHT;
    }
}
