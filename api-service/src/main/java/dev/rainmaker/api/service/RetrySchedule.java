package dev.rainmaker.api.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: {@code initial} after the first failure, doubling per failure up to {@code max},
 * each wait shortened by up to a fifth at random (so receivers back up are not hit by every sender at once), and never
 * later than {@code giveUpAfter} past the first attempt; a failure at or after that deadline gives up.
 */
public final class RetrySchedule {

    private static final double JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    public RetrySchedule(Duration initial, Duration max, Duration giveUpAfter, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /** The wait after the {@code failures}-th failure (1 for the first), before jitter. */
    Duration backoff(int failures) {
        Duration wait = initial;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The next attempt after the {@code failures}-th failure at {@code now}; empty: give up. */
    public Optional<Instant> next(Instant firstAttempt, int failures, Instant now) {
        Instant deadline = firstAttempt.plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Duration wait = backoff(failures);
        long jitterNanos = (long) (wait.toNanos() * JITTER * random.getAsDouble());
        Instant next = now.plus(wait.minusNanos(jitterNanos));
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
