package dev.rainmaker.api.service;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

    private static final Instant FIRST = Instant.parse("2026-12-05T10:00:00Z");

    private final RetrySchedule noJitter =
            new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24), () -> 0.0);

    @Test
    void doublesFromTheInitialBackoffUpToTheMax() {
        assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitter.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(noJitter.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(noJitter.backoff(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterOnlyShortensTheWaitByAtMostAFifth() {
        var fullJitter =
                new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(24), () -> 1.0);
        assertThat(fullJitter.next(FIRST, 1, FIRST)).contains(FIRST.plusSeconds(8));
    }

    @Test
    void theLastAttemptIsAtTheDeadlineAndAFailureThereGivesUp() {
        Instant late = FIRST.plus(Duration.ofHours(24)).minusSeconds(10);
        assertThat(noJitter.next(FIRST, 300, late)).contains(FIRST.plus(Duration.ofHours(24)));
        assertThat(noJitter.next(FIRST, 301, FIRST.plus(Duration.ofHours(24)))).isEmpty();
    }
}
