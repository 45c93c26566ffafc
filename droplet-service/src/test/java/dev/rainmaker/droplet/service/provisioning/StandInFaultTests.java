package dev.rainmaker.droplet.service.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.messaging.LoopbackTestHosts;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.localcloud.digitalocean.DigitalOceanStandIn;
import dev.rainmaker.localcloud.digitalocean.Faults;
import dev.rainmaker.localcloud.digitalocean.StandInDroplet;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each of the stand-in's fault knobs against the real client, batcher and watcher: exactly one droplet per customer,
 * each customer gets its droplet or a failure with a reason, and the API calls stay bounded. Every request the client
 * sent is checked against DigitalOcean's OpenAPI document.
 */
class StandInFaultTests {

    private static final String TOKEN = "dop_v1_fault_tests";
    private static final int CUSTOMERS = 12;
    /**
     * What a small burst of {@link #CUSTOMERS} may cost, fixed costs included: fewer calls than customers for lookups,
     * creates, listings and the firewall (4 calls: listed, tag, created, listed again), plus taking the in-flight tag
     * off reported droplets (one call per tick in which reports arrived; here a few).
     */
    private static final long CALL_BOUND = CUSTOMERS + 3;

    /** DigitalOcean's OpenAPI document (3 MB) takes seconds to read, so it is read once for all the tests. */
    private static Optional<DigitalOceanContract> contract;

    private StandInRig rig;

    @BeforeAll
    static void readContract() {
        contract = DigitalOceanContract.locate().map(DigitalOceanContract::new);
    }

    @AfterEach
    void contractAndClose() {
        contract.ifPresentOrElse(
                openApi -> {
                    assertThat(rig.standIn.exchanges()).isNotEmpty();
                    assertThat(rig.standIn.exchanges().stream()
                                    .flatMap(e -> openApi.requestErrors(e).stream())
                                    .distinct())
                            .as("requests that DigitalOcean's OpenAPI document rejects")
                            .isEmpty();
                },
                () -> System.out.println("SKIPPED contract check: shared/digitalocean/openapi-bundled.yaml not found"));
        assertThat(rig.standIn.requestWarnings())
                .as("fields DigitalOcean would silently ignore")
                .isEmpty();
        rig.close();
    }

    @Test
    void withoutFaultsABurstCostsFewerCallsThanCustomersFirewallIncluded() throws Exception {
        List<Object> outcomes = provision(faults -> {}, StandInRig.Settings.forTests());

        assertEveryCustomerHasExactlyOneActiveDroplet(outcomes);
        assertThat(rig.standIn.apiCalls(TOKEN)).isLessThanOrEqualTo(CALL_BOUND);
        assertThat(rig.standIn.firewalls())
                .singleElement()
                .satisfies(firewall -> assertThat(firewall.name()).isEqualTo("rainmaker"));
    }

    @Test
    void createsWhoseAnswersAreLostAreFoundByNameAndNeverSentTwice() throws Exception {
        List<Object> outcomes = provision(faults -> faults.loseCreateResponses(1), StandInRig.Settings.forTests());

        assertEveryCustomerHasExactlyOneActiveDroplet(outcomes);
        assertThat(namesSentInCreates())
                .as("droplet names in create requests: a lost answer must not make one be sent again")
                .hasSize(CUSTOMERS)
                .doesNotHaveDuplicates();
        assertThat(rig.standIn.apiCalls(TOKEN)).isLessThanOrEqualTo(CALL_BOUND);
    }

    @Test
    void reportedDropletsLeaveTheInFlightTagAndARedeliveryFindsItsDropletByNameWithOneCall() throws Exception {
        List<Object> outcomes = provision(faults -> {}, StandInRig.Settings.forTests());
        assertEveryCustomerHasExactlyOneActiveDroplet(outcomes);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(rig.standIn.droplets())
                        .allSatisfy(
                                d -> assertThat(d.tags()).contains("rainmaker").doesNotContain("rainmaker-booting")));
        Droplet first = (Droplet) outcomes.getFirst();
        long callsBefore = rig.standIn.apiCalls(TOKEN);

        List<Object> redelivered = rig.provisionAll(List.of(StandInRig.request("fault-0", "s-1vcpu-1gb")));

        assertThat(redelivered).containsExactly(first);
        assertThat(rig.standIn.apiCalls(TOKEN) - callsBefore)
                .as("calls for a redelivered request whose droplet is active and no longer in flight")
                .isEqualTo(1);
        Map<String, Long> perEndpoint = rig.standIn.callsPerEndpoint();
        assertThat(perEndpoint.get("DELETE /v2/tags/rainmaker-booting/resources"))
                .as("untag calls: one per tick in which reported droplets wait, so at most one per batch")
                .isBetween(1L, perEndpoint.get("POST /v2/droplets"));
    }

    @Test
    void ofDropletsMadeTwiceOutsideTheOldestIsTheCustomersAndTheOthersAreDestroyed() throws Exception {
        standIn(new Faults());
        DropletBatch outsideRace = new DropletBatch(
                List.of("rm-twice"),
                "fra1",
                "s-1vcpu-1gb",
                "debian-12-x64",
                List.of("rainmaker", "rainmaker-booting", "rainmaker-hostkey-" + "ab".repeat(32)),
                "#cloud-config\n");
        long oldest = rig.client.createAll(outsideRace).getFirst().id();
        long second = rig.client.createAll(outsideRace).getFirst().id();
        long third = rig.client.createAll(outsideRace).getFirst().id();

        List<Object> outcomes = rig.provisionAll(List.of(StandInRig.request("twice", "s-1vcpu-1gb")));

        assertThat(outcomes)
                .singleElement()
                .isInstanceOfSatisfying(
                        Droplet.class, droplet -> assertThat(droplet.id()).isEqualTo(oldest));
        assertThat(rig.standIn.droplets()).extracting(StandInDroplet::id).containsExactly(oldest);
        assertThat(rig.meters
                        .get("rainmaker.droplet.duplicates-destroyed")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(List.of(second, third)).allSatisfy(id -> assertThat(id).isGreaterThan(oldest));
    }

    @Test
    void twoInstancesEnsuringTheFirewallAtOnceLeaveExactlyOne() throws Exception {
        standIn(new Faults());
        FirewallGuard one = new FirewallGuard(rig.client);
        FirewallGuard other = new FirewallGuard(rig.client);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = threads.submit(one::ensure);
            Future<?> second = threads.submit(other::ensure);
            first.get();
            second.get();
        }

        assertThat(rig.standIn.firewalls())
                .singleElement()
                .satisfies(firewall -> assertThat(firewall.name()).isEqualTo("rainmaker"));
    }

    /** Every droplet name sent in a {@code POST /v2/droplets}, once per request that carried it. */
    private List<String> namesSentInCreates() {
        return rig.standIn.exchanges().stream()
                .filter(exchange -> exchange.method().equals("POST")
                        && java.net.URI.create(exchange.uri()).getPath().equals("/v2/droplets"))
                .map(exchange -> new JsonObject(exchange.requestBody()))
                .flatMap(body -> body.containsKey("names")
                        ? body.getJsonArray("names").stream().map(String::valueOf)
                        : java.util.stream.Stream.of(body.getString("name")))
                .toList();
    }

    @Test
    void aStormOf429sIsWaitedOutAndFailsNobody() throws Exception {
        List<Object> outcomes =
                provision(faults -> faults.rateLimitStorm(Duration.ofSeconds(2)), StandInRig.Settings.forTests());

        assertEveryCustomerHasExactlyOneActiveDroplet(outcomes);
        assertThat(rig.calls.rateLimitedCalls()).isPositive();
        assertThat(rig.standIn.apiCalls(TOKEN) - rig.standIn.rateLimited(TOKEN)).isLessThanOrEqualTo(CALL_BOUND);
    }

    @Test
    void aShareOfServerErrorsIsRetriedWithoutDuplicates() throws Exception {
        List<Object> outcomes = provision(faults -> faults.serverErrors(0.3, 42), StandInRig.Settings.forTests());

        assertEveryCustomerHasExactlyOneActiveDroplet(outcomes);
        assertThat(rig.standIn.apiCalls(TOKEN)).isLessThanOrEqualTo(3L * CUSTOMERS);
    }

    @Test
    void slowAnswersOnlySlowThingsDown() throws Exception {
        List<Object> outcomes =
                provision(faults -> faults.latency(Duration.ofMillis(400)), StandInRig.Settings.forTests());

        assertEveryCustomerHasExactlyOneActiveDroplet(outcomes);
        assertThat(rig.standIn.apiCalls(TOKEN)).isLessThanOrEqualTo(CALL_BOUND);
    }

    @Test
    void dropletsNotFoundRightAfterCreateAreNeverAskedForOneByOne() throws Exception {
        List<Object> outcomes =
                provision(faults -> faults.notFoundAfterCreate(Duration.ofSeconds(5)), StandInRig.Settings.forTests());

        assertEveryCustomerHasExactlyOneActiveDroplet(outcomes);
        assertThat(rig.standIn.callsPerEndpoint()).doesNotContainKey("GET /v2/droplets/{id}");
    }

    @Test
    void aDropletStuckInNewIsDestroyedAndItsCustomerFailsWithTheReason() throws Exception {
        StandInRig.Settings settings = StandInRig.Settings.forTests();
        settings = new StandInRig.Settings(
                settings.perMinute(),
                settings.perHour(),
                settings.lookupInterval(),
                settings.pollInterval(),
                settings.batchWindow(),
                Duration.ofSeconds(3),
                settings.notFoundGrace(),
                settings.requestTimeout());

        List<Object> outcomes = provision(faults -> faults.stickInNew(1), settings);

        List<PermanentFailure> failures = outcomes.stream()
                .filter(PermanentFailure.class::isInstance)
                .map(PermanentFailure.class::cast)
                .toList();
        assertThat(failures)
                .singleElement()
                .satisfies(failure -> assertThat(failure.getMessage())
                        .contains("is still 'new' after PT3S")
                        .endsWith("destroyed"));
        assertThat(outcomes).filteredOn(Droplet.class::isInstance).hasSize(CUSTOMERS - 1);
        assertThat(rig.standIn.droplets()).hasSize(CUSTOMERS - 1);
        assertThat(rig.standIn.callsPerEndpoint().get("DELETE /v2/droplets/{id}"))
                .isEqualTo(1);
    }

    @Test
    void aWrongTokenIsAPermanentFailureNamingTheSettingAndCreatesNothing() throws Exception {
        standIn(new Faults());
        rig = new StandInRig(rig.standIn, "dop_v1_wrong", StandInRig.Settings.forTests());

        List<Object> outcomes = rig.provisionAll(List.of(StandInRig.request("wrong-token", "s-1vcpu-1gb")));

        assertThat(outcomes)
                .singleElement()
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        failure -> assertThat(failure.getMessage())
                                .contains("401", "rainmaker.droplet.token")
                                .doesNotContain("dop_v1_wrong"));
        assertThat(rig.standIn.droplets()).isEmpty();
    }

    @Test
    void aSizeTheRegionDoesNotOfferIsAPermanentFailureWithDigitalOceansMessage() throws Exception {
        standIn(new Faults());

        List<Object> outcomes = rig.provisionAll(List.of(
                StandInRig.request("unknown-size", "s-64vcpu-unknown"), StandInRig.request("fine", "s-1vcpu-1gb")));

        assertThat(outcomes.getFirst())
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        failure -> assertThat(failure.getMessage())
                                .startsWith("DigitalOcean refused to create droplet rm-unknown-size")
                                .contains("422", "size"));
        assertThat(outcomes.get(1)).isInstanceOf(Droplet.class);
        assertThat(rig.standIn.droplets()).extracting(StandInDroplet::name).containsExactly("rm-fine");
    }

    private List<Object> provision(Consumer<Faults> faults, StandInRig.Settings settings) throws Exception {
        Faults knobs = new Faults();
        faults.accept(knobs);
        standIn(knobs, settings);
        List<DropletRequested> requests = IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> StandInRig.request("fault-" + i, "s-1vcpu-1gb"))
                .toList();
        return rig.provisionAll(requests);
    }

    private void standIn(Faults faults) throws Exception {
        standIn(faults, StandInRig.Settings.forTests());
    }

    private void standIn(Faults faults, StandInRig.Settings settings) throws Exception {
        DigitalOceanStandIn standIn = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(500))
                .hostProvider(new LoopbackTestHosts())
                .faults(faults)
                .build()
                .start()
                .recordExchanges(true);
        rig = new StandInRig(standIn, TOKEN, settings);
    }

    private void assertEveryCustomerHasExactlyOneActiveDroplet(List<Object> outcomes) {
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Droplet.class));
        Map<String, Long> dropletsPerName = rig.standIn.droplets().stream()
                .collect(Collectors.groupingBy(StandInDroplet::name, Collectors.counting()));
        assertThat(dropletsPerName)
                .hasSize(CUSTOMERS)
                .allSatisfy((name, count) ->
                        assertThat(count).as("droplets named " + name).isEqualTo(1));
    }
}
