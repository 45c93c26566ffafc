package dev.rainmaker.droplet.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBudgetTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theMinuteBudgetIsSpentAndRefillsAsTheOldestRequestLeavesTheMinute() {
        RequestBudget budget = new RequestBudget(3, 100, clock);

        assertThat(budget.tryAcquire()).isZero();
        now = now.plusSeconds(10);
        assertThat(budget.tryAcquire()).isZero();
        assertThat(budget.tryAcquire()).isZero();

        assertThat(budget.tryAcquire())
                .as("a second of margin over DigitalOcean's minute")
                .isEqualTo(Duration.ofSeconds(51));
        now = now.plusSeconds(51);
        assertThat(budget.tryAcquire()).isZero();
        assertThat(budget.sentInLastMinute()).isEqualTo(3);
    }

    @Test
    void theHourBudgetHoldsEvenWhenEveryMinuteHasRoom() {
        RequestBudget budget = new RequestBudget(250, 5, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryAcquire()).isZero();
            now = now.plusSeconds(61);
        }

        assertThat(budget.tryAcquire()).isEqualTo(Duration.ofSeconds(3601 - 5 * 61));
    }

    @Test
    void digitalOceanSayingNothingIsLeftHoldsRequestsUntilItsReset() {
        RequestBudget budget = new RequestBudget(250, 5000, clock);

        budget.observe(1, now.plusSeconds(30));

        assertThat(budget.tryAcquire()).isZero();
        assertThat(budget.tryAcquire()).isEqualTo(Duration.ofSeconds(30));
        now = now.plusSeconds(30);
        assertThat(budget.tryAcquire()).isZero();
    }

    @Test
    void nothingLeftWithTheHoursResetHoldsRequestsForAMinuteAtMost() {
        RequestBudget budget = new RequestBudget(250, 5000, clock);

        budget.observe(0, now.plus(Duration.ofMinutes(50)));

        assertThat(budget.tryAcquire()).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void a429PausesEveryRequestUntilItsRetryAfter() {
        RequestBudget budget = new RequestBudget(250, 5000, clock);

        budget.pauseUntil(now.plusSeconds(29));

        assertThat(budget.tryAcquire()).isEqualTo(Duration.ofSeconds(29));
        now = now.plusSeconds(29);
        assertThat(budget.tryAcquire()).isZero();
    }
}
