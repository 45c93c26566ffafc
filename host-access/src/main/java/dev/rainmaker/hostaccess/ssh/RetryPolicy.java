package dev.rainmaker.hostaccess.ssh;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When to try a login (or a stage, {@code ResumingStages}) again: waits that start at {@code initialDelay} and double up to {@code maxDelay}, each drawn
 * at random between half its ceiling and the ceiling (so a burst of hosts does not retry in step), for as long as
 * {@code budget} lasts from the first attempt.
 */
public record RetryPolicy(Duration budget, Duration initialDelay, Duration maxDelay) {

    /** The waits of one login or stage, its budget counted from now. */
    public Backoff start(LongSupplier nanoTime) {
        return new Backoff(this, nanoTime);
    }
}
