package dev.rainmaker.droplet.service.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.PermanentFailure;

/**
 * The droplets this instance waits for until active, and those it saw active that still carry the in-flight tag
 * because they are not reported yet. Safe for the waiting threads and the watcher's loop at once.
 */
final class BootWaits {

    private final Map<Long, BootWait> waits = new ConcurrentHashMap<>();
    private final Set<Long> activeAndStillTagged = ConcurrentHashMap.newKeySet();

    void add(BootWait boot) {
        waits.put(boot.droplet().id(), boot);
    }

    void remove(BootWait boot) {
        waits.remove(boot.droplet().id(), boot);
    }

    int size() {
        return waits.size();
    }

    boolean isEmpty() {
        return waits.isEmpty();
    }

    /** The droplet was seen active; until it is reported, it stays in the listings of booting droplets if tagged so. */
    void seenActive(RemoteDroplet active) {
        if (active.tags().contains(DropletNames.BOOTING_TAG)) {
            activeAndStillTagged.add(active.id());
        }
    }

    /** Whether the reported droplet still carried the in-flight tag (as far as this instance knows). */
    boolean reported(long dropletId) {
        return activeAndStillTagged.remove(dropletId);
    }

    int activeUnreported() {
        return activeAndStillTagged.size();
    }

    /** Judges every wait by a listing read at {@code now}; returns whether it showed any of them active. */
    boolean listed(List<RemoteDroplet> listed, Instant now) {
        Map<Long, RemoteDroplet> byId =
                listed.stream().collect(Collectors.toMap(RemoteDroplet::id, Function.identity()));
        boolean sawActive = false;
        for (BootWait boot : waits.values()) {
            Optional<RemoteDroplet> seen =
                    Optional.ofNullable(byId.get(boot.droplet().id()));
            sawActive |= seen.isPresent() && seen.get().activeWithAddress();
            boot.listed(seen, now);
        }
        return sawActive;
    }

    /**
     * Listing booting droplets failed: for good when DigitalOcean refused it, so every wait fails; transiently, only the
     * waits whose budget is spent end, overdue.
     */
    void listingFailed(DigitalOceanException e, Instant now) {
        if (e.isTransient()) {
            waits.values().forEach(boot -> boot.checkDeadline(now));
            return;
        }
        PermanentFailure failure = new PermanentFailure(
                "listing droplets tagged " + DropletNames.BOOTING_TAG + " failed: " + e.getMessage(), e);
        waits.values().forEach(boot -> boot.answer().fail(failure));
    }
}
