package dev.rainmaker.droplet.service.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.rainmaker.droplet.client.DigitalOceanCalls;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.Backoff;
import dev.rainmaker.droplet.service.FakeDigitalOcean;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.droplet.service.TestKeys;
import dev.rainmaker.droplet.service.TransientRetry;
import dev.rainmaker.droplet.service.fleet.DuplicateReaper;
import dev.rainmaker.droplet.service.fleet.FleetWatcher;
import dev.rainmaker.droplet.service.fleet.ListingPace;
import dev.rainmaker.droplet.service.fleet.WatchTiming;
import dev.rainmaker.droplet.service.sshkeys.HostKeys;
import dev.rainmaker.droplet.service.sshkeys.ProvisioningKey;
import dev.rainmaker.droplet.service.teardown.DropletDestroyer;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.SignupReceived;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DropletProvisionerTests {

    private static final DropletRequested REQUEST = request("acme-42");

    private static final String HOST_KEY_TAG = "rainmaker-hostkey-" + "ab".repeat(32);

    @TempDir
    Path keys;

    private final FakeDigitalOcean digitalOcean = new FakeDigitalOcean();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DigitalOceanCalls calls = new DigitalOceanCalls(meters);
    private Path provisioningKey;
    private DropletProvisioner provisioner;

    @BeforeEach
    void provisioner() throws Exception {
        provisioningKey = Files.writeString(keys.resolve("provisioning.pub"), TestKeys.ED25519 + "\n");
        provisioner = provisioner(provisioningKey, Duration.ofSeconds(2), true);
    }

    @Test
    void aNewCustomerGetsOneDropletNamedForItTaggedWithItsHostKeyAndBootedWithTheCloudConfig() {
        Droplet droplet = provisioner.provision(REQUEST);

        DropletBatch created = digitalOcean.creates.getFirst();
        assertThat(digitalOcean.creates).hasSize(1);
        assertThat(created.names()).containsExactly("rm-acme-42");
        assertThat(created.tags()).startsWith("rainmaker", "rainmaker-booting");
        assertThat(created.tags().get(2)).matches("rainmaker-hostkey-[0-9a-f]{64}");
        assertThat(created.userData()).startsWith("#cloud-config\n").contains("  - " + TestKeys.ED25519 + "\n");
        assertThat(droplet.publicIpv4()).startsWith("127.10.0.");
        assertThat(droplet.hostKeyFingerprint())
                .isEqualTo(HostKeys.fingerprintFromHex(created.tags().get(2).substring("rainmaker-hostkey-".length())));
        assertThat(droplet.size()).isEqualTo("s-1vcpu-1gb");
        assertThat(digitalOcean.firewalls).singleElement().satisfies(fw -> {
            assertThat(fw.name()).isEqualTo("rainmaker");
            assertThat(fw.tags()).containsExactly("rainmaker");
        });
    }

    @Test
    void aRedeliveredRequestReusesTheDropletItFindsByName() {
        Droplet first = provisioner.provision(REQUEST);
        Droplet second = provisioner.provision(REQUEST);

        assertThat(digitalOcean.creates).hasSize(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aReportedDropletLosesItsInFlightTagInOneCallAndARedeliveryFindsItByNameWithOneCall() {
        Droplet first = provisionAndReport(REQUEST);
        await().atMost(Duration.ofSeconds(5)).until(() -> !digitalOcean.untagged.isEmpty());
        int callsBefore = digitalOcean.calls.get();

        Droplet redelivered = provisionAndReport(REQUEST);

        assertThat(digitalOcean.untagged).containsExactly(List.of(first.id()));
        assertThat(digitalOcean.droplets())
                .singleElement()
                .satisfies(d -> assertThat(d.tags()).contains("rainmaker").doesNotContain("rainmaker-booting"));
        assertThat(redelivered).isEqualTo(first);
        assertThat(digitalOcean.creates).hasSize(1);
        assertThat(digitalOcean.calls.get() - callsBefore)
                .as("calls for a redelivery of an active droplet: one lookup by name")
                .isEqualTo(1);
        assertThat(digitalOcean.nameQueries).hasValue(1);
    }

    @Test
    void bootWaitsListOnlyTheDropletsInFlightNotTheWholeFleet() {
        for (int i = 0; i < 300; i++) {
            digitalOcean.createdElsewhere("rm-old-" + i, List.of("rainmaker", HOST_KEY_TAG));
        }
        digitalOcean.listingsUntilActive = 4;

        Droplet droplet = provisionAndReport(REQUEST);

        assertThat(droplet.name()).isEqualTo("rm-acme-42");
        assertThat(digitalOcean.listedTags)
                .as("one listing of the fleet for the first lookup (its size unknown), then the in-flight tag only")
                .startsWith("rainmaker")
                .containsOnlyOnce("rainmaker")
                .contains("rainmaker-booting");
    }

    @Test
    void aDropletThatLeftTheInFlightListingsIsLookedUpByNameBeforeItCountsAsGone() {
        RemoteDroplet untagged = digitalOcean.createdElsewhere("rm-acme-42", List.of("rainmaker", HOST_KEY_TAG));
        digitalOcean.listingsUntilActive = 3;
        provisioner = provisioner(provisioningKey, Duration.ofSeconds(10), true);

        Droplet droplet = provisioner.provision(REQUEST);

        assertThat(droplet.id()).isEqualTo(untagged.id());
        assertThat(digitalOcean.creates).isEmpty();
        assertThat(digitalOcean.destroyed).isEmpty();
    }

    @Test
    void ofTwoDropletsWithTheCustomersNameTheOldestIsKeptAndTheOtherDestroyedAndCounted() {
        RemoteDroplet oldest = digitalOcean.createdElsewhere("rm-acme-42", List.of("rainmaker", HOST_KEY_TAG));
        RemoteDroplet younger = digitalOcean.createdElsewhere("rm-acme-42", List.of("rainmaker", HOST_KEY_TAG));

        Droplet droplet = provisionAndReport(REQUEST);

        assertThat(droplet.id()).isEqualTo(oldest.id());
        assertThat(digitalOcean.destroyed).containsExactly(younger.id());
        assertThat(digitalOcean.creates).isEmpty();
        assertThat(meters.get("rainmaker.droplet.duplicates-destroyed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void twoInstancesThatBothCreatedTheFirewallConvergeOnTheLowestId() throws Exception {
        digitalOcean.firewallListings = new CyclicBarrier(2);
        FirewallGuard one = new FirewallGuard(digitalOcean);
        FirewallGuard other = new FirewallGuard(digitalOcean);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = threads.submit(one::ensure);
            Future<?> second = threads.submit(other::ensure);
            first.get();
            second.get();
        }

        assertThat(digitalOcean.firewalls)
                .as("both created one; the lower id survives")
                .singleElement()
                .satisfies(firewall -> assertThat(firewall.id()).isEqualTo("fw-1"));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByNameInsteadOfSentAgain() {
        digitalOcean.createResponsesToLose = 1;

        Droplet droplet = provisioner.provision(REQUEST);

        assertThat(digitalOcean.creates).hasSize(1);
        assertThat(digitalOcean.countNamed("rm-acme-42")).isEqualTo(1);
        assertThat(droplet.name()).isEqualTo("rm-acme-42");
    }

    @Test
    void aDropletNotYetListedAfterItsCreateIsWaitedForWithinTheGrace() {
        digitalOcean.listingsHidingNewDroplets = 3;

        Droplet droplet = provisioner.provision(REQUEST);

        assertThat(droplet.name()).isEqualTo("rm-acme-42");
        assertThat(digitalOcean.creates).hasSize(1);
    }

    @Test
    void aCreateDigitalOceanRefusesFailsPermanentlyWithItsMessage() {
        digitalOcean.refuseCreatesWith = 422;

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith(
                        "DigitalOcean refused to create droplet rm-acme-42 (s-1vcpu-1gb, debian-12-x64, fra1)")
                .hasMessageContaining("422");
    }

    @Test
    void aDropletThatNeverBecomesActiveIsDestroyedOnceTheBudgetIsSpent() {
        digitalOcean.listingsUntilActive = -1;

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("is still 'new' after PT2S")
                .hasMessageEndingWith("droplet 100 (rm-acme-42) destroyed");
        assertThat(digitalOcean.destroyed).containsExactly(100L);
        assertThat(digitalOcean.droplets()).isEmpty();
    }

    @Test
    void aDropletThatNeverBecomesActiveIsKeptWhenConfiguredSo() {
        digitalOcean.listingsUntilActive = -1;
        provisioner = provisioner(provisioningKey, Duration.ofMillis(300), false);

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageEndingWith("droplet 100 (rm-acme-42) kept (rainmaker.droplet.keep-failed-droplets=true)");
        assertThat(digitalOcean.destroyed).isEmpty();
    }

    @Test
    void listingsThatFailWithAServerErrorAreRetriedAndTheCustomerStillGetsOneDroplet() {
        digitalOcean.failListingsWith = 503;
        digitalOcean.failingListings = 2;

        Droplet droplet = provisioner.provision(REQUEST);

        assertThat(droplet.name()).isEqualTo("rm-acme-42");
        assertThat(digitalOcean.creates).hasSize(1);
    }

    @Test
    void aRejectedTokenWhileLookingUpFailsPermanentlyWithoutCreating() {
        digitalOcean.failListingsWith = 401;
        digitalOcean.failingListings = 1;

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("401");
        assertThat(digitalOcean.creates).isEmpty();
    }

    @Test
    void aBurstIsCreatedTenAPerRequestAndWatchedWithSharedListings() throws Exception {
        List<DropletRequested> burst =
                IntStream.range(0, 25).mapToObj(i -> request("burst-" + i)).toList();

        List<Droplet> droplets = provisionConcurrently(burst);

        assertThat(droplets).extracting(Droplet::name).doesNotHaveDuplicates().hasSize(25);
        // How requests fall into batches depends on when their threads arrive; what must hold is below.
        assertThat(digitalOcean.creates)
                .allSatisfy(batch -> assertThat(batch.names()).hasSizeBetween(1, 10));
        assertThat(digitalOcean.creates)
                .flatExtracting(batch -> batch.names())
                .hasSize(25)
                .doesNotHaveDuplicates();
        assertThat(digitalOcean.creates.size())
                .as("create requests for 25 droplets")
                .isBetween(3, 6);
        assertThat(droplets.stream().map(Droplet::hostKeyFingerprint).distinct())
                .hasSize(digitalOcean.creates.size());
        assertThat(digitalOcean.calls.get())
                .as("calls for 25 customers: 3 to 6 creates, 2 firewall calls and a few shared listings")
                .isLessThan(25);
        assertThat(meters.get("rainmaker.droplet.customers-provisioned")
                        .counter()
                        .count())
                .isEqualTo(25);
    }

    @Test
    void aMissingProvisioningKeyFileFailsPermanentlyNamingTheSetting() {
        provisioner = provisioner(keys.resolve("absent.pub"), Duration.ofSeconds(1), true);

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("rainmaker.droplet.provisioning-public-key-file");
        assertThat(digitalOcean.creates).isEmpty();
    }

    /** As the consumer does: provision, publish (here: nothing), report. */
    private Droplet provisionAndReport(DropletRequested request) {
        Droplet droplet = provisioner.provision(request);
        provisioner.reported(droplet);
        return droplet;
    }

    private List<Droplet> provisionConcurrently(List<DropletRequested> requests) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Droplet>> futures = threads.invokeAll(requests.stream()
                    .map(r -> (Callable<Droplet>) () -> provisioner.provision(r))
                    .toList());
            List<Droplet> droplets = new ArrayList<>();
            for (Future<Droplet> future : futures) {
                droplets.add(future.get());
            }
            return droplets;
        }
    }

    private DropletProvisioner provisioner(Path key, Duration bootTimeout, boolean destroyOnFailure) {
        TransientRetry retry = new TransientRetry(3, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
        FleetWatcher watcher = new FleetWatcher(
                digitalOcean,
                new DuplicateReaper(digitalOcean, meters),
                new WatchTiming(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(10)),
                retry,
                // a budget of 60,000 calls a minute: listings follow each other at the watcher's intervals
                new ListingPace(1, 60_000));
        CreateBatcher batcher = new CreateBatcher(
                digitalOcean,
                new FirewallGuard(digitalOcean),
                new ProvisioningKey(key),
                new CreateBatcher.Batching(10, Duration.ofMillis(100)));
        return new DropletProvisioner(
                watcher,
                batcher,
                new DropletDestroyer(digitalOcean, retry, destroyOnFailure),
                retry,
                new CustomerLocks(),
                calls,
                new DropletProvisioner.Waiting(bootTimeout, Duration.ofSeconds(1)));
    }

    private static DropletRequested request(String customerId) {
        return new DropletRequested(
                new SignupReceived(
                        customerId,
                        "ops@" + customerId + ".example",
                        "Ada",
                        "starter",
                        "Europe/Berlin",
                        List.of(new AdminUser("ada", TestKeys.ED25519))),
                new DropletSpec("rm-" + customerId, "s-1vcpu-1gb", "debian-12-x64", "fra1"));
    }
}
