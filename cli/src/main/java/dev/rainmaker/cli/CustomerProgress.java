package dev.rainmaker.cli;

import java.util.EnumMap;
import java.util.Map;

import dev.rainmaker.events.EventType;

/** What has been seen of one customer's way through the pipeline: when each event arrived, or why it stopped. */
public final class CustomerProgress {

    private final String customerId;
    private final Map<EventType, Long> seenAt = new EnumMap<>(EventType.class);
    private String dropletId = "";
    private String ipv4 = "";
    private String failure;

    CustomerProgress(String customerId) {
        this.customerId = customerId;
    }

    synchronized void saw(EventType type, long timestampMillis) {
        seenAt.putIfAbsent(type, timestampMillis);
    }

    synchronized void droplet(String id, String address) {
        dropletId = id;
        ipv4 = address;
    }

    synchronized void failed(String reason) {
        failure = reason;
    }

    public String customerId() {
        return customerId;
    }

    public synchronized boolean isReady() {
        return seenAt.containsKey(EventType.CUSTOMER_READY);
    }

    public synchronized boolean isDone() {
        return isReady() || failure != null;
    }

    public synchronized String failure() {
        return failure;
    }

    public synchronized String dropletId() {
        return dropletId;
    }

    public synchronized String ipv4() {
        return ipv4;
    }

    /** Seconds from the previous event to {@code type}'s, or -1 when either has not been seen. */
    public synchronized double secondsFor(EventType type) {
        if (type.ordinal() == 0) {
            return seenAt.containsKey(type) ? 0 : -1;
        }
        Long previous = seenAt.get(EventType.values()[type.ordinal() - 1]);
        Long current = seenAt.get(type);
        return previous == null || current == null ? -1 : (current - previous) / 1000.0;
    }

    /** When {@code CustomerReady} was published (its record's timestamp), or -1 when not ready. */
    public long readyAtMillis() {
        return seenAtMillis(EventType.CUSTOMER_READY);
    }

    /** When the customer's event of {@code type} was published (its record's timestamp), or -1 when not seen. */
    public synchronized long seenAtMillis(EventType type) {
        return seenAt.getOrDefault(type, -1L);
    }

    /** Seconds from sign-up to ready, or -1 when not ready. */
    public synchronized double totalSeconds() {
        Long start = seenAt.get(EventType.SIGNUP_RECEIVED);
        Long end = seenAt.get(EventType.CUSTOMER_READY);
        return start == null || end == null ? -1 : (end - start) / 1000.0;
    }
}
