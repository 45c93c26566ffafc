package dev.rainmaker.droplet.service.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;

import dev.rainmaker.droplet.client.RequestBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingPaceTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aListingOfFivePagesFollowsThePreviousOneByFiveTimesTheSpacingOfOnePageAtHalfOf250AMinute() {
        ListingPace pace = new ListingPace(0.5, 250);

        assertThat(pace.earliestStart(5)).as("nothing listed yet").isEqualTo(Instant.MIN);
        pace.listed(T0, 5, 5);

        assertThat(pace.spacing(1)).isEqualTo(Duration.ofMillis(488));
        assertThat(pace.earliestStart(5)).isEqualTo(T0.plusMillis(2440));
        assertThat(pace.earliestStart(1))
                .as("a listing that shrank (droplets untagged) follows sooner")
                .isEqualTo(T0.plusMillis(488));
    }

    @Test
    void aListingThatCostMorePagesThanExpectedPushesTheNextOneBack() {
        ListingPace pace = new ListingPace(0.5, 250);

        pace.listed(T0, 1, 5);

        assertThat(pace.earliestStart(1)).isEqualTo(T0.plusMillis(2440));
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ListingPace(0, 250)).hasMessageContaining("rainmaker.droplet.listing-share");
        assertThatThrownBy(() -> new ListingPace(1.5, 250)).hasMessageContaining("rainmaker.droplet.listing-share");
    }

    /**
     * Ten minutes of a watcher that would list its 1,000 droplets in flight (5 pages) every second, beside 100 creates a
     * minute, all through one budget of 250 a minute: the listings are spaced, never wait for the budget, and leave the
     * creates all they ask for.
     */
    @Test
    void listingsAtThePaceNeverSpendTheMinuteAndCreatesAlwaysGetTheirCall() {
        ManualClock clock = new ManualClock(T0);
        RequestBudget budget = new RequestBudget(250, 100_000, clock);
        ListingPace pace = new ListingPace(0.5, 250);
        Deque<Instant> listingPages = new ArrayDeque<>();
        Instant lastListing = Instant.MIN;
        Instant nextCreate = T0;
        int creates = 0;
        int listings = 0;
        int mostListingPagesInAMinute = 0;
        while (clock.instant().isBefore(T0.plus(Duration.ofMinutes(10)))) {
            Instant now = clock.instant();
            boolean intervalPassed = lastListing.equals(Instant.MIN) || !now.isBefore(lastListing.plusSeconds(1));
            if (intervalPassed && !now.isBefore(pace.earliestStart(5))) {
                for (int page = 0; page < 5; page++) {
                    assertThat(budget.tryAcquire())
                            .as("a page of a listing waits for the budget")
                            .isZero();
                    listingPages.addLast(now);
                }
                pace.listed(now, 5, 5);
                lastListing = now;
                listings++;
            }
            if (!now.isBefore(nextCreate)) {
                assertThat(budget.tryAcquire())
                        .as("a create waits for the budget")
                        .isZero();
                creates++;
                nextCreate = nextCreate.plusMillis(600);
            }
            while (!listingPages.isEmpty() && !listingPages.peekFirst().isAfter(now.minusSeconds(61))) {
                listingPages.removeFirst();
            }
            mostListingPagesInAMinute = Math.max(mostListingPagesInAMinute, listingPages.size());
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(creates).isEqualTo(1000);
        assertThat(mostListingPagesInAMinute)
                .as("pages listed in any minute: half of 250, and the listing that starts it")
                .isLessThanOrEqualTo(125 + 5);
        assertThat(listings)
                .as("a listing every 2.44 s (2.5 s at 100 ms steps)")
                .isBetween(235, 246);
    }

    /** A clock that moves only when told to. */
    static final class ManualClock extends Clock {

        private volatile Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
