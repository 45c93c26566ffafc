package dev.rainmaker.stack.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: each wait is random up to a ceiling that doubles, capped. */
final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(20);

    private Duration ceiling = FIRST;

    Duration next() {
        long millis = ThreadLocalRandom.current().nextLong(ceiling.toMillis() / 2, ceiling.toMillis() + 1);
        Duration doubled = ceiling.multipliedBy(2);
        ceiling = doubled.compareTo(CAP) > 0 ? CAP : doubled;
        return Duration.ofMillis(millis);
    }
}
