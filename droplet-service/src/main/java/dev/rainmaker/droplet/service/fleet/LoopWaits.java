package dev.rainmaker.droplet.service.fleet;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** How the watcher's loop waits until its next tick; tests run it on a clock of their own. */
interface LoopWaits {

    LoopWaits REAL = (condition, timeout) -> condition.await(timeout.toNanos(), TimeUnit.NANOSECONDS);

    /** Waits on {@code condition} (whose lock is held) until signalled or {@code timeout} has passed. */
    void await(Condition condition, Duration timeout) throws InterruptedException;
}
