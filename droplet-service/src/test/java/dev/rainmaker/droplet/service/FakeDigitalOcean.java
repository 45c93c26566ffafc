package dev.rainmaker.droplet.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.CloudFirewall;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.RemoteDroplet;

/** DigitalOcean in memory, with knobs for the faults that matter to idempotency, counting every call. */
public final class FakeDigitalOcean implements DigitalOceanApi {

    public final List<DropletBatch> creates = new ArrayList<>();
    public final List<Long> destroyed = new ArrayList<>();
    public final List<CloudFirewall> firewalls = new ArrayList<>();
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger listings = new AtomicInteger();
    public final AtomicInteger nameQueries = new AtomicInteger();
    public final List<List<Long>> untagged = new ArrayList<>();
    public final List<String> listedTags = new ArrayList<>();
    private final Map<Long, RemoteDroplet> droplets = new LinkedHashMap<>();
    private final Map<Long, Integer> listingsSeen = new LinkedHashMap<>();
    private long nextId = 100;

    /** Creates that happen but whose response is lost, as a timeout. */
    public int createResponsesToLose;
    /** Creates refused with this status (0: none). */
    public int refuseCreatesWith;
    /** Listings a droplet needs before it shows as active; -1 never. */
    public int listingsUntilActive = 1;
    /** Listings right after its create that do not show a droplet yet (eventual consistency). */
    public int listingsHidingNewDroplets;
    /** Listings that fail with this status before one succeeds (0: none). */
    public int failListingsWith;

    public int failingListings;
    /** When set, the first firewall listings wait here for each other: instances that both find none. */
    public volatile CyclicBarrier firewallListings;

    @Override
    public void checkAccount() {
        calls.incrementAndGet();
    }

    @Override
    public List<CatalogueSize> sizes() {
        calls.incrementAndGet();
        return List.of();
    }

    @Override
    public List<CatalogueRegion> regions() {
        calls.incrementAndGet();
        return List.of();
    }

    @Override
    public Set<String> distributionImages() {
        calls.incrementAndGet();
        return Set.of();
    }

    @Override
    public synchronized List<RemoteDroplet> dropletsTagged(String tag) {
        calls.incrementAndGet();
        listings.incrementAndGet();
        listedTags.add(tag);
        if (failingListings > 0) {
            failingListings--;
            throw new DigitalOceanException(
                    "GET /v2/droplets: " + failListingsWith, failListingsWith, failListingsWith >= 500, null);
        }
        return listed(droplet -> droplet.tags().contains(tag));
    }

    @Override
    public synchronized List<RemoteDroplet> dropletsNamed(String name) {
        calls.incrementAndGet();
        nameQueries.incrementAndGet();
        return listed(droplet -> droplet.name().equals(name));
    }

    /** The droplets a listing shows; each listing that would show a droplet brings it closer to active. */
    private List<RemoteDroplet> listed(java.util.function.Predicate<RemoteDroplet> filter) {
        List<RemoteDroplet> listed = new ArrayList<>();
        for (RemoteDroplet droplet : List.copyOf(droplets.values())) {
            if (!filter.test(droplet)) {
                continue;
            }
            int seen = listingsSeen.merge(droplet.id(), 1, Integer::sum);
            if (seen <= listingsHidingNewDroplets) {
                continue;
            }
            if (listingsUntilActive >= 0 && seen - listingsHidingNewDroplets >= listingsUntilActive) {
                droplet = active(droplet);
                droplets.put(droplet.id(), droplet);
            }
            listed.add(droplet);
        }
        return listed;
    }

    @Override
    public synchronized void untag(String tag, List<Long> dropletIds) {
        calls.incrementAndGet();
        untagged.add(List.copyOf(dropletIds));
        for (long id : dropletIds) {
            RemoteDroplet d = droplets.get(id);
            if (d != null) {
                List<String> tags =
                        d.tags().stream().filter(t -> !t.equals(tag)).toList();
                droplets.put(
                        id,
                        new RemoteDroplet(
                                d.id(), d.name(), d.status(), d.publicIpv4(), d.region(), d.image(), d.size(), tags));
            }
        }
    }

    /** A droplet made outside this service, as a second instance or a human would. */
    public synchronized RemoteDroplet createdElsewhere(String name, List<String> tags) {
        RemoteDroplet droplet = new RemoteDroplet(
                nextId++, name, "new", Optional.empty(), "fra1", "debian-12-x64", "s-1vcpu-1gb", tags);
        droplets.put(droplet.id(), droplet);
        return droplet;
    }

    @Override
    public synchronized List<RemoteDroplet> createAll(DropletBatch batch) {
        calls.incrementAndGet();
        if (refuseCreatesWith != 0) {
            throw new DigitalOceanException(
                    "POST /v2/droplets: DigitalOcean answered " + refuseCreatesWith, refuseCreatesWith, false, null);
        }
        creates.add(batch);
        List<RemoteDroplet> created = new ArrayList<>();
        for (String name : batch.names()) {
            RemoteDroplet droplet = new RemoteDroplet(
                    nextId++, name, "new", Optional.empty(), batch.region(), batch.image(), batch.size(), batch.tags());
            droplets.put(droplet.id(), droplet);
            created.add(droplet);
        }
        if (createResponsesToLose > 0) {
            createResponsesToLose--;
            throw new DigitalOceanException("POST /v2/droplets: no answer (timeout)", 0, true, null);
        }
        return created;
    }

    @Override
    public synchronized void destroy(long dropletId) {
        calls.incrementAndGet();
        if (droplets.remove(dropletId) == null) {
            throw new DigitalOceanException("DELETE /v2/droplets/" + dropletId + ": 404", 404, false, null);
        }
        destroyed.add(dropletId);
    }

    @Override
    public List<CloudFirewall> firewalls() {
        calls.incrementAndGet();
        CyclicBarrier barrier = firewallListings;
        if (barrier != null) {
            try {
                barrier.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("firewall listings did not meet", e);
            } finally {
                firewallListings = null;
            }
        }
        synchronized (this) {
            return List.copyOf(firewalls);
        }
    }

    @Override
    public synchronized void deleteFirewall(String firewallId) {
        calls.incrementAndGet();
        if (!firewalls.removeIf(f -> f.id().equals(firewallId))) {
            throw new DigitalOceanException("DELETE /v2/firewalls/" + firewallId + ": 404", 404, false, null);
        }
    }

    @Override
    public void createTag(String name) {
        calls.incrementAndGet();
    }

    @Override
    public synchronized CloudFirewall createFirewall(String name, String dropletTag) {
        calls.incrementAndGet();
        CloudFirewall firewall = new CloudFirewall(
                "fw-" + (firewalls.size() + 1),
                name,
                List.of(dropletTag),
                "2026-01-01T00:00:0" + firewalls.size() + "Z");
        firewalls.add(firewall);
        return firewall;
    }

    public synchronized List<RemoteDroplet> droplets() {
        return List.copyOf(droplets.values());
    }

    public synchronized long countNamed(String name) {
        return droplets.values().stream().filter(d -> d.name().equals(name)).count();
    }

    private static RemoteDroplet active(RemoteDroplet droplet) {
        return new RemoteDroplet(
                droplet.id(),
                droplet.name(),
                "active",
                Optional.of("127.10.0." + droplet.id() % 250),
                droplet.region(),
                droplet.image(),
                droplet.size(),
                droplet.tags());
    }
}
