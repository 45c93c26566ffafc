package dev.rainmaker.status.service;

import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.status.domain.TimelineEntry;

/**
 * A record understood: its timeline entry, and the event it carried when it could be read ({@code null} for a dead
 * letter, a replay, or a value that is not the event its topic promises).
 */
public record Observation(TimelineEntry entry, RainmakerEvent event) {}
