package dev.rainmaker.droplet.service.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.AnswerLookups;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.Idle;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.ListBooting;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.Step;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.WaitUntil;
import dev.rainmaker.droplet.service.fleet.FleetWatchPlan.Waiting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher's decisions on instants of the test's choosing: a lookup interval of 1 s, a poll interval of 2 s, 200 ms to
 * gather a burst's lookups, a retry backoff of 10 s per failure in a row, and (unless a test says otherwise) a request
 * budget so large that pacing never holds a listing back.
 */
class FleetWatchPlanTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final WatchTiming TIMING =
            new WatchTiming(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200));

    private FleetWatchPlan plan = plan(new ListingPace(1, 60_000));

    @Test
    void withNothingWaitingTheWatcherIdles() {
        assertThat(plan.next(T0, waiting(0, 0, 0))).isEqualTo(new Idle());
    }

    @Test
    void theFirstLookupsOfABurstAreGatheredThenAnsweredByListingTheFleetWhoseSizeIsNotKnownYet() {
        plan.lookupsArrived(T0);

        assertThat(plan.next(at(100), waiting(3, 0, 0))).isEqualTo(new WaitUntil(at(200)));
        assertThat(plan.next(at(200), waiting(3, 0, 0))).isEqualTo(new AnswerLookups(true, 1));
        assertThat(plan.next(at(200), waiting(3, 0, 0)))
                .as("asking again: asking changes nothing")
                .isEqualTo(new AnswerLookups(true, 1));
    }

    @Test
    void lookupsAfterATickWaitForTheLookupIntervalFromThatTick() {
        plan.lookupsArrived(T0);
        plan.started((AnswerLookups) plan.next(at(200), waiting(1, 0, 0)), at(200));
        plan.fleetListed(at(200), 1, 10, at(300));

        plan.lookupsArrived(at(400));

        assertThat(plan.next(at(700), waiting(1, 0, 0))).isEqualTo(new WaitUntil(at(1200)));
        assertThat(plan.next(at(1200), waiting(1, 0, 0))).isEqualTo(new AnswerLookups(false, 1));
    }

    @Test
    void lookupsCostingFewerCallsThanTheFleetsPagesAreAskedByNameOthersListTheFleet() {
        plan.fleetListed(T0, 1, 1000, T0);
        plan.lookupsArrived(at(5000));

        assertThat(plan.next(at(5200), waiting(5, 0, 0))).isEqualTo(new AnswerLookups(false, 5));
        assertThat(plan.next(at(5200), waiting(6, 0, 0))).isEqualTo(new AnswerLookups(true, 5));
    }

    @Test
    void theFleetsSizeIsEstimatedAsItsLastListingPlusWhatBootsNow() {
        plan.fleetListed(T0, 1, 1000, T0);
        plan.bootingListed(T0, 1, 200);
        plan.lookupsArrived(at(5000));

        assertThat(plan.next(at(5200), waiting(6, 0, 0))).isEqualTo(new AnswerLookups(false, 6));
        assertThat(plan.next(at(5200), waiting(7, 0, 0))).isEqualTo(new AnswerLookups(true, 6));
    }

    @Test
    void aBootWaitIsListedAtOnceThenEveryPollInterval() {
        Step first = plan.next(T0, waiting(0, 1, 0));
        assertThat(first).isEqualTo(new ListBooting(List.of(), 1));

        plan.started((ListBooting) first, T0);
        plan.bootingListed(T0, 1, 1);

        assertThat(plan.next(at(1000), waiting(0, 1, 0))).isEqualTo(new WaitUntil(at(2000)));
        assertThat(plan.next(at(2000), waiting(0, 1, 0))).isEqualTo(new ListBooting(List.of(), 1));
    }

    @Test
    void whileDropletsTurnActiveWhatBootsIsListedEveryLookupInterval() {
        plan.started(new ListBooting(List.of(), 1), T0);
        plan.bootingListed(T0, 1, 5);

        plan.sawActive(true);
        assertThat(plan.next(at(100), waiting(0, 4, 0))).isEqualTo(new WaitUntil(at(1000)));

        plan.sawActive(false);
        assertThat(plan.next(at(100), waiting(0, 4, 0))).isEqualTo(new WaitUntil(at(2000)));
    }

    @Test
    void noListingOfBootingDropletsIsDueWhileTheLookupsListTheFleetWhichAnswersThemToo() {
        assertThat(plan.next(T0, waiting(0, 3, 0))).isEqualTo(new ListBooting(List.of(), 1));

        plan.lookupsArrived(T0);

        assertThat(plan.next(T0, waiting(1, 3, 0))).isEqualTo(new WaitUntil(at(200)));
        assertThat(plan.next(at(200), waiting(1, 3, 0))).isEqualTo(new AnswerLookups(true, 1));

        plan.started(new AnswerLookups(true, 1), at(200));
        plan.fleetListed(at(200), 1, 3, at(300));

        assertThat(plan.next(at(400), waiting(0, 3, 0)))
                .as("the fleet's listing counts as a listing of what boots")
                .isEqualTo(new WaitUntil(at(2300)));
    }

    @Test
    void lookupsAskedByNameDoNotHoldBackTheListingOfBootingDroplets() {
        plan.fleetListed(T0, 1, 10, T0);
        plan.lookupsArrived(at(2000));

        assertThat(plan.next(at(2000), waiting(1, 3, 0))).isEqualTo(new ListBooting(List.of(), 1));
    }

    @Test
    void whenLookupsAndBootingDropletsAreBothDueTheLookupsGoFirst() {
        plan.fleetListed(T0, 1, 10, T0);
        plan.lookupsArrived(at(3000));

        assertThat(plan.next(at(3200), waiting(1, 3, 0))).isEqualTo(new AnswerLookups(false, 1));

        plan.started(new AnswerLookups(false, 1), at(3200));

        assertThat(plan.next(at(3200), waiting(0, 3, 0))).isEqualTo(new ListBooting(List.of(), 1));
    }

    @Test
    void aListingOfManyPagesFollowsThePreviousOneNoSoonerThanThePaceAllows() {
        plan = plan(new ListingPace(0.5, 250));
        plan.started(new ListBooting(List.of(), 5), T0);
        plan.bootingListed(T0, 5, 1000);

        assertThat(plan.next(at(2000), waiting(0, 1000, 0)))
                .as("five pages at 488 ms each, later than the poll interval")
                .isEqualTo(new WaitUntil(at(2440)));
        assertThat(plan.next(at(2440), waiting(0, 1000, 0))).isEqualTo(new ListBooting(List.of(), 5));
    }

    @Test
    void afterAListingFailedTheNextWaitsTheBackoffUntilOneSucceeds() {
        plan.started(new ListBooting(List.of(), 1), T0);
        assertThat(plan.listingFailed(T0, 1, true)).isEqualTo(1);

        assertThat(plan.next(at(1000), waiting(0, 1, 0))).isEqualTo(new WaitUntil(at(10_000)));

        plan.started(new ListBooting(List.of(), 1), at(10_000));
        assertThat(plan.listingFailed(at(10_000), 1, true)).isEqualTo(2);

        assertThat(plan.next(at(11_000), waiting(0, 1, 0))).isEqualTo(new WaitUntil(at(30_000)));

        plan.started(new ListBooting(List.of(), 1), at(30_000));
        plan.bootingListed(at(30_000), 1, 1);

        assertThat(plan.next(at(31_000), waiting(0, 1, 0))).isEqualTo(new WaitUntil(at(32_000)));
    }

    @Test
    void aFailureDigitalOceanRefusedIsNotRetriedLaterThanThePollInterval() {
        plan.started(new ListBooting(List.of(), 1), T0);

        assertThat(plan.listingFailed(T0, 1, false)).isZero();
        assertThat(plan.next(at(1000), waiting(0, 1, 0))).isEqualTo(new WaitUntil(at(2000)));
    }

    @Test
    void reportedDropletsKeepTheirTagWhileTakingItOffSavesNoPageOfTheNextListing() {
        plan.bootingListed(T0, 2, 250);
        report(1, 5, T0);

        assertThat(plan.next(at(1000), waiting(0, 245, 0))).isEqualTo(new ListBooting(List.of(), 2));
    }

    @Test
    void reportedDropletsLoseTheirTagAsSoonAsThatMakesTheNextListingAPageShorter() {
        plan.bootingListed(T0, 2, 250);
        report(1, 50, T0);

        Step step = plan.next(at(1000), waiting(0, 200, 0));

        assertThat(step).isEqualTo(new ListBooting(ids(1, 50), 1));
        plan.started((ListBooting) step, at(1000));
        plan.untagged(50);
        assertThat(plan.next(at(3000), waiting(0, 200, 0)))
                .as("once under way, they are not untagged twice")
                .isEqualTo(new ListBooting(List.of(), 1));
    }

    @Test
    void aFullCallOfReportedDropletsIsUntaggedEvenWhileReportsKeepComing() {
        report(1, 199, T0);
        assertThat(plan.next(T0, waiting(0, 0, 0))).isEqualTo(new ListBooting(List.of(), 1));

        report(200, 200, T0);
        assertThat(plan.next(T0, waiting(0, 0, 0))).isEqualTo(new ListBooting(ids(1, 200), 1));
    }

    @Test
    void withNothingElseInFlightReportedDropletsLoseTheirTagOnceReportsStoppedForAPollInterval() {
        report(1, 3, T0);
        Step first = plan.next(T0, waiting(0, 0, 0));
        assertThat(first).isEqualTo(new ListBooting(List.of(), 1));
        plan.started((ListBooting) first, T0);

        report(4, 4, at(1000));

        assertThat(plan.next(at(1500), waiting(0, 0, 0))).isEqualTo(new WaitUntil(at(2000)));
        Step second = plan.next(at(2000), waiting(0, 0, 0));
        assertThat(second).as("reports came a second ago").isEqualTo(new ListBooting(List.of(), 1));
        plan.started((ListBooting) second, at(2000));
        assertThat(plan.next(at(4000), waiting(0, 0, 0))).isEqualTo(new ListBooting(ids(1, 4), 1));
    }

    @Test
    void dropletsWhoseUntagFailedAreUntaggedAgainAtTheNextTick() {
        report(7, 7, T0);
        Step step = plan.next(at(2000), waiting(0, 0, 0));
        assertThat(step).isEqualTo(new ListBooting(List.of(7L), 1));
        plan.started((ListBooting) step, at(2000));
        assertThat(plan.next(at(4000), waiting(0, 0, 0)))
                .as("nothing left to do")
                .isEqualTo(new Idle());

        plan.untagFailed(List.of(7L));

        assertThat(plan.next(at(4000), waiting(0, 0, 0))).isEqualTo(new ListBooting(List.of(7L), 1));
    }

    @Test
    void theNextListingOfBootingDropletsIsEstimatedFromTheLastLessWhatWasUntaggedSinceOrFromTheWatchersOwn() {
        plan.bootingListed(T0, 2, 400);
        assertThat(plan.next(at(1000), waiting(0, 10, 0))).isEqualTo(new ListBooting(List.of(), 2));

        plan.untagged(200);
        assertThat(plan.next(at(1000), waiting(0, 10, 0))).isEqualTo(new ListBooting(List.of(), 1));

        assertThat(plan.next(at(1000), waiting(0, 10, 390)))
                .as("its own in flight: 10 booting and 390 seen active, not reported yet")
                .isEqualTo(new ListBooting(List.of(), 2));
    }

    private static FleetWatchPlan plan(ListingPace pace) {
        return new FleetWatchPlan(TIMING, pace, failures -> Duration.ofSeconds(10L * failures));
    }

    private void report(long fromId, long toId, Instant when) {
        LongStream.rangeClosed(fromId, toId).forEach(id -> plan.reported(id, when));
    }

    private static List<Long> ids(long fromId, long toId) {
        return LongStream.rangeClosed(fromId, toId).boxed().toList();
    }

    private static Waiting waiting(int lookupNames, int boots, int activeUnreported) {
        return new Waiting(lookupNames, boots, activeUnreported);
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }
}
