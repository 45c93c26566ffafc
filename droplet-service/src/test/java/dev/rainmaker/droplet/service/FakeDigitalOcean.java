package dev.rainmaker.droplet.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.rainmaker.droplet.client.DigitalOceanApi;
import dev.rainmaker.droplet.client.DigitalOceanException;
import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.DropletCreation;
import dev.rainmaker.droplet.domain.RemoteDroplet;

/** DigitalOcean in memory, with knobs for the faults that matter to idempotency. */
final class FakeDigitalOcean implements DigitalOceanApi {

    final List<DropletCreation> creates = new ArrayList<>();
    private final Map<Long, RemoteDroplet> droplets = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(100);
    private final AtomicInteger polls = new AtomicInteger();

    /** Creates that happen but whose response is lost, as a timeout. */
    int createResponsesToLose;
    /** Creates refused with this status (0: none). */
    int refuseCreatesWith;
    /** Polls a droplet takes to become active; -1 never. */
    int pollsUntilActive = 1;

    @Override
    public void checkAccount() {}

    @Override
    public List<CatalogueSize> sizes() {
        return List.of();
    }

    @Override
    public List<CatalogueRegion> regions() {
        return List.of();
    }

    @Override
    public Set<String> distributionImages() {
        return Set.of();
    }

    @Override
    public synchronized List<RemoteDroplet> dropletsTagged(String tag) {
        return droplets.values().stream().filter(d -> d.tags().contains(tag)).toList();
    }

    @Override
    public synchronized RemoteDroplet create(DropletCreation creation) {
        if (refuseCreatesWith != 0) {
            throw new DigitalOceanException(
                    "POST /v2/droplets: DigitalOcean answered " + refuseCreatesWith, refuseCreatesWith, false, null);
        }
        creates.add(creation);
        RemoteDroplet droplet = new RemoteDroplet(
                nextId.getAndIncrement(),
                creation.name(),
                "new",
                Optional.empty(),
                creation.region(),
                creation.image(),
                creation.size(),
                creation.tags());
        droplets.put(droplet.id(), droplet);
        if (createResponsesToLose > 0) {
            createResponsesToLose--;
            throw new DigitalOceanException("POST /v2/droplets: no answer (timeout)", 0, true, null);
        }
        return droplet;
    }

    @Override
    public synchronized RemoteDroplet droplet(long id) {
        RemoteDroplet droplet = droplets.get(id);
        if (droplet == null) {
            throw new DigitalOceanException("GET /v2/droplets/" + id + ": 404", 404, false, null);
        }
        if (pollsUntilActive >= 0 && polls.incrementAndGet() >= pollsUntilActive) {
            droplet = new RemoteDroplet(
                    droplet.id(),
                    droplet.name(),
                    "active",
                    Optional.of("127.10.0." + id % 250),
                    droplet.region(),
                    droplet.image(),
                    droplet.size(),
                    droplet.tags());
            droplets.put(id, droplet);
        }
        return droplet;
    }
}
