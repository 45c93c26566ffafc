package dev.rainmaker.localcloud.digitalocean;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The stand-in's droplets and their create actions, in memory. */
final class DropletStore {

    private final AtomicLong nextDropletId = new AtomicLong(500_000_001L);
    private final AtomicLong nextActionId = new AtomicLong(2_000_000_001L);
    private final Map<Long, DropletState> droplets = new ConcurrentHashMap<>();
    private final Map<Long, DropletState> dropletsByCreateAction = new ConcurrentHashMap<>();

    DropletState create(CreateRequest request, Instant now) {
        DropletState droplet = new DropletState(
                nextDropletId.getAndIncrement(),
                request.name(),
                request.region(),
                request.size(),
                request.image(),
                request.tags(),
                request.monitoring(),
                request.userData(),
                now,
                nextActionId.getAndIncrement());
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

    Collection<DropletState> all() {
        return list(d -> true);
    }
}
