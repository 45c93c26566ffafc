package dev.rainmaker.hostaccess.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @RepeatedTest(20)
    void eachWaitLiesBetweenHalfItsCeilingAndTheCeilingWhichDoublesUpToTheMaximum() {
        Backoff backoff =
                new RetryPolicy(Duration.ofHours(1), Duration.ofMillis(500), Duration.ofSeconds(15)).start(now::get);

        List<Long> ceilings = List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 15_000L, 15_000L);
        for (long ceiling : ceilings) {
            assertThat(backoff.next())
                    .get()
                    .satisfies(wait -> assertThat(wait.toMillis()).isBetween(ceiling / 2, ceiling));
        }
    }

    @Test
    void theLastWaitEndsWithTheBudgetAndNothingIsLeftAfterIt() {
        Backoff backoff =
                new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(8)).start(now::get);
        List<Duration> waits = new ArrayList<>();

        for (Optional<Duration> wait = backoff.next(); wait.isPresent(); wait = backoff.next()) {
            waits.add(wait.get());
            now.addAndGet(wait.get().toNanos());
        }

        assertThat(waits).hasSizeGreaterThanOrEqualTo(2);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aSpentBudgetGivesNoWait() {
        Backoff backoff =
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(100)).start(now::get);

        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(backoff.next()).isEmpty();
    }
}
