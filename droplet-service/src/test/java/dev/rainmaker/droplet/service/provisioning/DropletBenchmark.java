package dev.rainmaker.droplet.service.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.localcloud.digitalocean.DigitalOceanLimits;
import dev.rainmaker.localcloud.digitalocean.DigitalOceanStandIn;
import dev.rainmaker.localcloud.digitalocean.StandInDroplet;
import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints figures, times nothing: a burst of sign-ups' droplet requests (default 1,000; {@code -Dbenchmark.customers})
 * against the stand-in with DigitalOcean's real rate limits and a 45 s boot delay ({@code -Dbenchmark.boot-delay}),
 * listing what boots every 2 s ({@code -Dbenchmark.poll-interval}, e.g. {@code PT0.5S} as the demo runs), each droplet
 * reported as soon as it is seen active ({@code -Dbenchmark.report-delay}: later, as a busy pipeline reports it), all
 * requests at once ({@code -Dbenchmark.arrival}: spread evenly over that time).
 * Run: {@code ./mvnw -B test -pl events-schema,local-cloud,service-messaging,droplet-service -DexcludedGroups= -Dgroups=benchmark
 * -Dtest=DropletBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. See docs/benchmarks.md.
 */
@Tag("benchmark")
class DropletBenchmark {

    private static final String TOKEN = "dop_v1_benchmark";

    @Test
    void aBurstOfSignups() throws Exception {
        int customers = Integer.getInteger("benchmark.customers", 1000);
        Duration bootDelay = Duration.parse(System.getProperty("benchmark.boot-delay", "PT45S"));
        Duration pollInterval = Duration.parse(System.getProperty("benchmark.poll-interval", "PT2S"));
        Duration reportDelay = Duration.parse(System.getProperty("benchmark.report-delay", "PT0S"));
        Duration arrival = Duration.parse(System.getProperty("benchmark.arrival", "PT0S"));
        DigitalOceanStandIn standIn = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(bootDelay)
                .limits(DigitalOceanLimits.real())
                .hostProvider(new AddressOnlyHosts())
                .build()
                .start()
                .recordExchanges(true);
        StandInRig.Settings settings = new StandInRig.Settings(
                250,
                5000,
                Duration.ofSeconds(1),
                pollInterval,
                Duration.ofMillis(200),
                Duration.ofMinutes(10),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30));
        try (StandInRig rig = new StandInRig(standIn, TOKEN, settings)) {
            List<DropletRequested> requests = IntStream.range(0, customers)
                    .mapToObj(i -> StandInRig.request("bench-" + i, "s-1vcpu-1gb"))
                    .toList();
            // A running service has spoken to DigitalOcean before a burst (its start-up check reads the catalogue): the
            // client's connection and code are warm. One call does that here, outside the clock, counted below.
            rig.client.checkAccount();
            Instant start = Instant.now();
            AtomicReference<Instant> allCreated = new AtomicReference<>();
            Thread createWatch = Thread.ofVirtual().start(() -> watchCreates(standIn, customers, allCreated));
            List<Object> outcomes = rig.provisionAll(requests, arrival, reportDelay);
            createWatch.join(Duration.ofSeconds(1));
            createWatch.interrupt();

            List<Instant> reported = rig.reportedAt.stream().sorted().toList();
            Duration allActive = Duration.between(start, reported.getLast());
            long failures =
                    outcomes.stream().filter(o -> !(o instanceof Droplet)).count();
            Map<String, Long> perName = standIn.droplets().stream()
                    .collect(Collectors.groupingBy(StandInDroplet::name, Collectors.counting()));
            long calls = standIn.apiCalls(TOKEN);
            int batchSize = Integer.getInteger("benchmark.batch-size", 10);
            long creates = ceilDiv(customers, batchSize);
            long minimumCalls = creates + 4 + 1 + ceilDiv(customers, 200);
            Duration bound = bootDelay.plus(Duration.ofSeconds(Math.max(0, (minimumCalls - 250) * 60 / 250)));
            System.out.printf(
                    "%n=== droplet-service benchmark: %d customers, batches of %d, boot delay %s, poll interval %s,"
                            + " arriving over %s, reported %s after active, limits 250/min 5,000/h ===%n"
                            + "API calls              %d (%.3f per customer)%n"
                            + "  per endpoint         %s%n"
                            + "  droplet listings     %s%n"
                            + "429s received          %d%n"
                            + "time until all active  %.1f s (first reported after %.1f s, half after %.1f s; started %s)%n"
                            + "last droplet created   after %.1f s; reported within the first minute: %d%n"
                            + "bound (limits + boot)  %.1f s: boot delay + the calls the limits make wait"
                            + " (at least %d calls: %d creates, firewall, one lookup, one listing of what boots)%n"
                            + "failures               %d; customers with more than one droplet: %d%n%n",
                    customers,
                    batchSize,
                    bootDelay,
                    pollInterval,
                    arrival,
                    reportDelay,
                    calls,
                    (double) calls / customers,
                    standIn.callsPerEndpoint(),
                    dropletListingsByFilter(standIn),
                    standIn.rateLimited(TOKEN),
                    allActive.toMillis() / 1000.0,
                    secondsAfter(start, reported.getFirst()),
                    secondsAfter(start, reported.get(reported.size() / 2)),
                    start,
                    allCreated.get() == null ? -1 : secondsAfter(start, allCreated.get()),
                    reported.stream()
                            .filter(at -> at.isBefore(start.plusSeconds(60)))
                            .count(),
                    bound.toMillis() / 1000.0,
                    minimumCalls,
                    creates,
                    failures,
                    perName.values().stream().filter(n -> n > 1).count());
            assertThat(failures).isZero();
            assertThat(perName)
                    .hasSize(customers)
                    .allSatisfy((name, n) -> assertThat(n).isEqualTo(1));
        }
    }

    /** Notes when the stand-in holds all the droplets: the moment the last create was served (to 50 ms). */
    private static void watchCreates(DigitalOceanStandIn standIn, int customers, AtomicReference<Instant> allCreated) {
        while (standIn.droplets().size() < customers) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
        allCreated.set(Instant.now());
    }

    /** {@code GET /v2/droplets} calls by filter: which tag, or by name. */
    private static Map<String, Long> dropletListingsByFilter(DigitalOceanStandIn standIn) {
        return standIn.exchanges().stream()
                .filter(e -> e.method().equals("GET") && e.uri().startsWith("/v2/droplets?"))
                .map(e -> e.uri().contains("tag_name=") ? e.uri().replaceAll(".*(tag_name=[^&]*).*", "$1") : "name=...")
                .collect(Collectors.groupingBy(filter -> filter, java.util.TreeMap::new, Collectors.counting()));
    }

    private static double secondsAfter(Instant start, Instant then) {
        return Duration.between(start, then).toMillis() / 1000.0;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Hosts that are only an address, 127.10.x.y, for as many droplets as a burst makes. */
    private static final class AddressOnlyHosts implements HostProvider {

        private final AtomicInteger next = new AtomicInteger();

        @Override
        public String boot(HostSpec spec) {
            int n = next.getAndIncrement();
            return "127.10." + (n / 250) + "." + (n % 250 + 1);
        }

        @Override
        public void destroy(long dropletId) {}

        @Override
        public int sshPort() {
            return 2222;
        }

        @Override
        public void close() {}
    }
}
