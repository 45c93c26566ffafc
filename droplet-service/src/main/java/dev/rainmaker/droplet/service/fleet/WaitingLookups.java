package dev.rainmaker.droplet.service.fleet;

import java.util.ArrayList;
import java.util.List;

/** The lookups waiting for the watcher's next tick. Not thread-safe: the watcher holds its lock around every call. */
final class WaitingLookups {

    private final List<Lookup> waiting = new ArrayList<>();

    /** Queues {@code lookups}; returns whether they are the first after none waited. */
    boolean add(List<Lookup> lookups) {
        boolean first = waiting.isEmpty() && !lookups.isEmpty();
        waiting.addAll(lookups);
        return first;
    }

    /** How many distinct names the waiting lookups ask for. */
    int names() {
        return (int) waiting.stream().map(Lookup::name).distinct().count();
    }

    /** The waiting lookups, now taken to be answered. */
    List<Lookup> takeAll() {
        List<Lookup> taken = List.copyOf(waiting);
        waiting.clear();
        return taken;
    }
}
