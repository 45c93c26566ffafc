package dev.rainmaker.droplet.service.teardown;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.service.Backoff;
import dev.rainmaker.droplet.service.FakeDigitalOcean;
import dev.rainmaker.droplet.service.TransientRetry;
import dev.rainmaker.droplet.service.fleet.DuplicateReaper;
import dev.rainmaker.droplet.service.fleet.FleetWatcher;
import dev.rainmaker.droplet.service.fleet.ListingPace;
import dev.rainmaker.droplet.service.fleet.WatchTiming;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DropletCompensationTests {

    private final FakeDigitalOcean digitalOcean = new FakeDigitalOcean();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TransientRetry retry = new TransientRetry(3, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    private final FleetWatcher watcher = new FleetWatcher(
            digitalOcean,
            new DuplicateReaper(digitalOcean, new SimpleMeterRegistry()),
            new WatchTiming(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(10)),
            retry,
            new ListingPace(1, 60_000));

    @Test
    void aFailureAfterTheDropletExistsDestroysItByIdAndByNameAndASecondReportIsHarmless() {
        long named = create("rm-acme-1");
        long reported = create("rm-other-name");
        DropletCompensation compensation = compensation(true);

        assertThat(compensation.afterFailure(failure("acme-1", ProvisioningStage.HARDENING_HOST, reported)))
                .containsExactlyInAnyOrder(named, reported);
        assertThat(compensation.afterFailure(failure("acme-1", ProvisioningStage.HARDENING_HOST, reported)))
                .containsExactly(reported);
        assertThat(digitalOcean.destroyed).containsExactlyInAnyOrder(named, reported);
        assertThat(compensations("destroyed")).isEqualTo(2);
    }

    @Test
    void aRejectedSignupOrAFailedEmailLeavesTheDropletAlone() {
        create("rm-acme-2");
        DropletCompensation compensation = compensation(true);

        assertThat(compensation.afterFailure(failure("acme-2", ProvisioningStage.VALIDATING_SIGNUP, null)))
                .isEmpty();
        assertThat(compensation.afterFailure(failure("acme-2", ProvisioningStage.EMAILING_CUSTOMER, null)))
                .isEmpty();
        assertThat(digitalOcean.destroyed).isEmpty();
        assertThat(compensations("none")).isEqualTo(2);
    }

    @Test
    void aTeardownThatCannotReachDigitalOceanIsCountedAsFailedAndThrownForTheDeadLetter() {
        long droplet = create("rm-acme-4");
        digitalOcean.failListingsWith = 503;
        digitalOcean.failingListings = 10;

        assertThatThrownBy(() ->
                        compensation(true).afterFailure(failure("acme-4", ProvisioningStage.HARDENING_HOST, droplet)))
                .isInstanceOf(RuntimeException.class);
        assertThat(compensations("failed")).isEqualTo(1);
        assertThat(digitalOcean.destroyed).isEmpty();
    }

    @Test
    void keepFailedDropletsKeepsThem() {
        long droplet = create("rm-acme-3");

        assertThat(compensation(false).afterFailure(failure("acme-3", ProvisioningStage.INSTALLING_STACK, droplet)))
                .isEmpty();
        assertThat(digitalOcean.destroyed).isEmpty();
        assertThat(compensations("kept")).isEqualTo(1);
    }

    private double compensations(String outcome) {
        return meters.get(DropletCompensation.METRIC)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private DropletCompensation compensation(boolean destroyFailedDroplets) {
        return new DropletCompensation(
                watcher, new DropletDestroyer(digitalOcean, retry, destroyFailedDroplets), meters);
    }

    private long create(String name) {
        return digitalOcean
                .createAll(new DropletBatch(
                        List.of(name), "fra1", "s-1vcpu-1gb", "debian-12-x64", List.of("rainmaker"), "#cloud-config"))
                .getFirst()
                .id();
    }

    private static ProvisioningFailed failure(String customerId, ProvisioningStage stage, Long dropletId) {
        return new ProvisioningFailed(customerId, null, stage, "it broke", 1, dropletId, Instant.now());
    }
}
