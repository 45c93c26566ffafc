package dev.rainmaker.status.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.DropletView;
import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.State;
import dev.rainmaker.status.domain.TimelineEntry;

/**
 * A customer's status after one more observation. Safe to apply twice (an entry already in the timeline, by position,
 * changes nothing: Kafka Streams may process a record again after a crash). An entry older than the current state's
 * {@code since} joins the timeline but does not move the state back.
 */
public final class CustomerFold {

    /** Timeline entries kept per customer; a customer replayed over and over keeps its newest. */
    static final int MAX_TIMELINE = 200;

    private CustomerFold() {}

    /** The new status, or empty when the observation was seen before. */
    public static Optional<CustomerStatus> apply(CustomerStatus current, Observation observation) {
        TimelineEntry entry = observation.entry();
        CustomerStatus status = current == null ? CustomerStatus.first(entry.customerId(), entry.at()) : current;
        if (status.timeline().stream().anyMatch(seen -> seen.position().equals(entry.position()))) {
            return Optional.empty();
        }
        status = withTimeline(status, entry);
        status = withFacts(status, observation.event());
        if (entry.at().isBefore(status.since())) {
            return Optional.of(status);
        }
        return Optional.of(withState(status, observation));
    }

    private static CustomerStatus withTimeline(CustomerStatus status, TimelineEntry entry) {
        List<TimelineEntry> timeline = new ArrayList<>(status.timeline());
        timeline.add(entry);
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        if (timeline.size() > MAX_TIMELINE) {
            timeline = timeline.subList(timeline.size() - MAX_TIMELINE, timeline.size());
        }
        return copy(
                status,
                status.state(),
                status.stage(),
                status.since(),
                status.reason(),
                status.failure(),
                status.failedStage(),
                timeline);
    }

    /** Who the customer is, their droplet and stack: facts any event may carry, kept whatever the state. */
    private static CustomerStatus withFacts(CustomerStatus status, RainmakerEvent event) {
        SignupReceived signup = switch (event) {
            case SignupReceived s -> s;
            case DropletRequested e -> e.signup();
            case DropletActive e -> e.signup();
            case HostHardened e -> e.signup();
            case StackInstalled e -> e.signup();
            case CustomerReady e -> e.signup();
            case ProvisioningFailed e -> e.signup();
            case null, default -> null;
        };
        DropletView droplet = switch (event) {
            case DropletActive e -> DropletView.of(e.droplet());
            case HostHardened e -> DropletView.of(e.droplet());
            case StackInstalled e -> DropletView.of(e.droplet());
            case CustomerReady e -> DropletView.of(e.droplet());
            case null, default -> status.droplet();
        };
        Map<String, String> components = event instanceof StackInstalled e ? e.components() : status.components();
        String appUrl = switch (event) {
            case StackInstalled e -> e.appUrl();
            case CustomerReady e -> e.appUrl();
            case null, default -> status.appUrl();
        };
        return new CustomerStatus(
                status.customerId(),
                signup == null ? status.email() : signup.email(),
                signup == null ? status.contactName() : signup.contactName(),
                signup == null ? status.plan() : signup.plan(),
                status.state(),
                status.stage(),
                status.since(),
                status.reason(),
                status.failure(),
                status.failedStage(),
                droplet,
                components,
                appUrl,
                status.timeline());
    }

    private static CustomerStatus withState(CustomerStatus status, Observation observation) {
        TimelineEntry entry = observation.entry();
        Instant at = entry.at();
        RainmakerEvent event = observation.event();
        return switch (entry.kind()) {
            case EVENT -> {
                if (event instanceof CustomerReady) {
                    yield copy(status, State.READY, null, at, null, null, null, status.timeline());
                }
                if (event == null || entry.stage() == null || (status.inFlight() && entry.stage() == status.stage())) {
                    yield status;
                }
                // Newer than a failure, a pipeline event means the customer moves again (a replayed dead letter).
                yield copy(status, State.IN_FLIGHT, entry.stage(), at, null, null, null, status.timeline());
            }
            case DEAD_LETTER, FAILED ->
                entry.stage() == null
                        ? status
                        : copy(
                                status,
                                State.FAILED,
                                null,
                                at,
                                entry.reason(),
                                entry.failure(),
                                entry.stage(),
                                status.timeline());
            case COMPENSATION ->
                event instanceof DropletTornDown
                        ? copy(
                                status,
                                State.TORN_DOWN,
                                null,
                                at,
                                status.reason(),
                                status.failure(),
                                status.failedStage() == null ? status.stage() : status.failedStage(),
                                status.timeline())
                        : status;
            case REPLAY ->
                entry.stage() == null
                        ? status
                        : copy(status, State.IN_FLIGHT, entry.stage(), at, null, null, null, status.timeline());
        };
    }

    private static CustomerStatus copy(
            CustomerStatus status,
            State state,
            Stage stage,
            Instant since,
            String reason,
            String failure,
            Stage failedStage,
            List<TimelineEntry> timeline) {
        return new CustomerStatus(
                status.customerId(),
                status.email(),
                status.contactName(),
                status.plan(),
                state,
                stage,
                since,
                reason,
                failure,
                failedStage,
                status.droplet(),
                status.components(),
                status.appUrl(),
                timeline);
    }
}
