package dev.rainmaker.status.service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.EntryKind;
import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.StageFigures;
import dev.rainmaker.status.domain.TimelineEntry;

/** Counts per-stage figures over customers, one at a time; for the API and the gauges alike. */
public final class StageFigureCounter {

    private static final Duration LAST_HOUR = Duration.ofHours(1);
    /** The event that ends each stage, by its type's name in the timeline. */
    private static final Map<Stage, String> ENDED_BY = Map.of(
            Stage.DROPLET, "DropletActive",
            Stage.HARDENING, "HostHardened",
            Stage.STACK, "StackInstalled",
            Stage.EMAIL, "CustomerReady");

    private final Deadlines deadlines;
    private final Instant now;
    private final Map<Stage, StageFigures> figures = new EnumMap<>(Stage.class);

    public StageFigureCounter(Deadlines deadlines, Instant now) {
        this.deadlines = deadlines;
        this.now = now;
        for (Stage stage : Stage.values()) {
            figures.put(stage, StageFigures.empty(stage));
        }
    }

    public void count(CustomerStatus customer) {
        Instant hourAgo = now.minus(LAST_HOUR);
        for (Stage stage : Stage.values()) {
            boolean here = customer.inFlight() && customer.stage() == stage;
            boolean done = customer.timeline().stream()
                    .anyMatch(entry -> entry.kind() == EntryKind.EVENT
                            && ENDED_BY.get(stage).equals(entry.type())
                            && entry.at().isAfter(hourAgo));
            boolean failed = customer.timeline().stream()
                    .anyMatch(entry -> isFailure(entry)
                            && entry.stage() == stage
                            && entry.at().isAfter(hourAgo));
            if (here || done || failed) {
                figures.merge(
                        stage,
                        new StageFigures(
                                stage,
                                here ? 1 : 0,
                                here ? CustomerViews.ageSeconds(customer.since(), now) : 0,
                                here && deadlines.stuck(customer, now) ? 1 : 0,
                                done ? 1 : 0,
                                failed ? 1 : 0),
                        StageFigures::plus);
            }
        }
    }

    /** One per stage, in pipeline order. */
    public List<StageFigures> figures() {
        return List.copyOf(figures.values());
    }

    private static boolean isFailure(TimelineEntry entry) {
        return entry.kind() == EntryKind.FAILED || entry.kind() == EntryKind.DEAD_LETTER;
    }
}
