package dev.rainmaker.localcloud.digitalocean;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The stand-in's cloud firewalls, in memory; names are unique, as at DigitalOcean. */
final class FirewallStore {

    /** A firewall as created. */
    record Firewall(StandInFirewall view, Instant createdAt) {}

    private final Map<String, Firewall> firewalls = new LinkedHashMap<>();

    /** The new firewall, or empty when one with that name exists. */
    synchronized Optional<Firewall> create(FirewallRequest request, Instant now) {
        if (firewalls.values().stream().anyMatch(f -> f.view().name().equals(request.name()))) {
            return Optional.empty();
        }
        Firewall firewall = new Firewall(
                new StandInFirewall(
                        UUID.randomUUID().toString(),
                        request.name(),
                        request.tags(),
                        request.dropletIds(),
                        request.inboundRules(),
                        request.outboundRules()),
                now);
        firewalls.put(firewall.view().id(), firewall);
        return Optional.of(firewall);
    }

    synchronized Optional<Firewall> find(String id) {
        return Optional.ofNullable(firewalls.get(id));
    }

    synchronized boolean remove(String id) {
        return firewalls.remove(id) != null;
    }

    /** Oldest first. */
    synchronized List<Firewall> all() {
        return firewalls.values().stream()
                .sorted(Comparator.comparing(Firewall::createdAt))
                .toList();
    }
}
