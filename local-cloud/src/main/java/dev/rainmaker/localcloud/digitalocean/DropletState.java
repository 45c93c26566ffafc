package dev.rainmaker.localcloud.digitalocean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One droplet in the stand-in; becomes active once its boot delay has passed and its host has booted, unless a fault
 * keeps it {@code new}.
 */
final class DropletState {

    final long id;
    final String name;
    final CatalogueRegion region;
    final CatalogueSize size;
    final CatalogueImage image;
    final boolean monitoring;
    final String userData;
    final Instant createdAt;
    final long createActionId;
    final boolean stuckInNew;
    final Instant visibleFrom;

    private final List<String> tags;
    private boolean bootDelayPassed;
    private String hostAddress;
    private boolean bootFailed;
    private Instant activeAt;

    DropletState(
            long id,
            String name,
            CatalogueRegion region,
            CatalogueSize size,
            CatalogueImage image,
            List<String> tags,
            boolean monitoring,
            String userData,
            Instant createdAt,
            long createActionId,
            boolean stuckInNew,
            Instant visibleFrom) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.size = size;
        this.image = image;
        this.tags = new ArrayList<>(tags);
        this.monitoring = monitoring;
        this.userData = userData;
        this.createdAt = createdAt;
        this.createActionId = createActionId;
        this.stuckInNew = stuckInNew;
        this.visibleFrom = visibleFrom;
    }

    synchronized List<String> tags() {
        return List.copyOf(tags);
    }

    synchronized boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** Removes the tag; returns whether the droplet carried it. */
    synchronized boolean untag(String tag) {
        return tags.remove(tag);
    }

    /** Whether {@code GET /v2/droplets/{id}} finds it yet (a fault can make it 404 for a while after create). */
    boolean visibleAt(Instant now) {
        return !now.isBefore(visibleFrom);
    }

    synchronized void bootDelayPassed(Instant now) {
        bootDelayPassed = true;
        activateIfReady(now);
    }

    synchronized void hostBooted(String address, Instant now) {
        hostAddress = address;
        activateIfReady(now);
    }

    synchronized void hostFailedToBoot() {
        bootFailed = true;
    }

    private void activateIfReady(Instant now) {
        if (bootDelayPassed && hostAddress != null && activeAt == null && !stuckInNew) {
            activeAt = now;
        }
    }

    synchronized boolean active() {
        return activeAt != null;
    }

    synchronized String status() {
        return active() ? "active" : "new";
    }

    /** The public IPv4 address, only once active: DigitalOcean fills networks in then. */
    synchronized String publicIpv4() {
        return active() ? hostAddress : null;
    }

    synchronized String createActionStatus() {
        if (bootFailed) {
            return "errored";
        }
        return active() ? "completed" : "in-progress";
    }

    synchronized Instant activeAt() {
        return activeAt;
    }

    StandInDroplet view() {
        return new StandInDroplet(id, name, tags(), status(), userData);
    }
}
