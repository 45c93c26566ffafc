package dev.rainmaker.localcloud.digitalocean;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The stand-in's droplets, their create actions and the tags they made exist, in memory and thread-safe. */
final class DropletStore {

    private final AtomicLong nextDropletId = new AtomicLong(500_000_001L);
    private final AtomicLong nextActionId = new AtomicLong(2_000_000_001L);
    private final Map<Long, DropletState> droplets = new ConcurrentHashMap<>();
    private final Map<Long, DropletState> dropletsByCreateAction = new ConcurrentHashMap<>();
    private final Set<String> knownTags = ConcurrentHashMap.newKeySet();

    DropletState create(CreateRequest request, String name, Instant now, boolean stuckInNew, Instant visibleFrom) {
        DropletState droplet = new DropletState(
                nextDropletId.getAndIncrement(),
                name,
                request.region(),
                request.size(),
                request.image(),
                request.tags(),
                request.monitoring(),
                request.userData(),
                now,
                nextActionId.getAndIncrement(),
                stuckInNew,
                visibleFrom);
        knownTags.addAll(request.tags());
        droplets.put(droplet.id, droplet);
        dropletsByCreateAction.put(droplet.createActionId, droplet);
        return droplet;
    }

    Optional<DropletState> find(long id) {
        return Optional.ofNullable(droplets.get(id));
    }

    /** The create action outlives its droplet, as at DigitalOcean. */
    Optional<DropletState> findByCreateAction(long actionId) {
        return Optional.ofNullable(dropletsByCreateAction.get(actionId));
    }

    List<DropletState> list(Predicate<DropletState> filter) {
        return droplets.values().stream()
                .filter(filter)
                .sorted(Comparator.comparingLong(d -> d.id))
                .toList();
    }

    boolean remove(long id) {
        return droplets.remove(id) != null;
    }

    /** Removes every droplet carrying the tag; returns the ids removed. */
    List<Long> removeTagged(String tag) {
        return list(d -> d.hasTag(tag)).stream()
                .filter(d -> droplets.remove(d.id) != null)
                .map(d -> d.id)
                .toList();
    }

    /** Tags exist once a droplet carried them or they were created, and outlive their droplets, as at DigitalOcean. */
    boolean tagExists(String tag) {
        return knownTags.contains(tag);
    }

    /** Returns false when the tag existed already. */
    boolean createTag(String tag) {
        return knownTags.add(tag);
    }

    Collection<DropletState> all() {
        return list(d -> true);
    }
}
