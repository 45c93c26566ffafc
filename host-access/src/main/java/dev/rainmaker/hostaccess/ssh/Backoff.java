package dev.rainmaker.hostaccess.ssh;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/** The waits between the attempts of one login (or stage) under a {@link RetryPolicy}, until its budget is spent. */
public final class Backoff {

    private final Duration maxDelay;
    private final LongSupplier nanoTime;
    private final long deadline;
    private Duration ceiling;

    Backoff(RetryPolicy policy, LongSupplier nanoTime) {
        this.maxDelay = policy.maxDelay();
        this.nanoTime = nanoTime;
        this.deadline = nanoTime.getAsLong() + policy.budget().toNanos();
        this.ceiling = policy.initialDelay();
    }

    /**
     * The wait before the next attempt, never past the end of the budget (the last attempt is made when it ends);
     * empty once the budget is spent.
     */
    public Optional<Duration> next() {
        long left = deadline - nanoTime.getAsLong();
        if (left <= 0) {
            return Optional.empty();
        }
        long millis = ThreadLocalRandom.current().nextLong(ceiling.toMillis() / 2, ceiling.toMillis() + 1);
        Duration doubled = ceiling.multipliedBy(2);
        ceiling = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
        Duration wait = Duration.ofMillis(millis);
        Duration rest = Duration.ofNanos(left);
        return Optional.of(wait.compareTo(rest) > 0 ? rest : wait);
    }

    /** What is left of the budget; zero once it is spent. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - nanoTime.getAsLong()));
    }
}
