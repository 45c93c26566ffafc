package dev.rainmaker.droplet.service.provisioning;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One customer's requests one at a time within this instance. Messages of a channel run concurrently (one virtual
 * thread each), so a redelivered request could otherwise look up, find nothing and create alongside the first; across
 * instances, the customer id being the Kafka key keeps a customer's records on one consumer.
 */
@ApplicationScoped
class CustomerLocks {

    private final Map<String, Holder> locks = new ConcurrentHashMap<>();

    <T> T withLock(String customerId, Supplier<T> work) {
        Holder holder = locks.compute(customerId, (id, existing) -> {
            Holder h = existing == null ? new Holder() : existing;
            h.users++;
            return h;
        });
        holder.lock.lock();
        try {
            return work.get();
        } finally {
            holder.lock.unlock();
            locks.compute(customerId, (id, h) -> --h.users == 0 ? null : h);
        }
    }

    /** A lock and how many threads hold or wait for it; {@code users} only changes inside the map's compute. */
    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }
}
