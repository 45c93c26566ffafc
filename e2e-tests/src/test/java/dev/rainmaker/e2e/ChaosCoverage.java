package dev.rainmaker.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the chaos a run claims happened: every service killed at least {@link #KILLS_IN_FLIGHT} times while it had
 * customers in flight, and a notifier killed at least once between sending an email and committing (proven by the
 * same customer's email coming again). Prints the kills per service either way.
 */
final class ChaosCoverage {

    static final int KILLS_IN_FLIGHT = ChaosMonkey.COVERAGE_KILLS;

    private ChaosCoverage() {}

    static void report(List<ChaosMonkey.Kill> kills, SendCommitKiller sendCommit) {
        System.out.println("chaos: kills per service (time, process, customers the service had in flight):");
        for (String service : ChaosMonkey.SERVICES) {
            List<ChaosMonkey.Kill> ofService =
                    kills.stream().filter(k -> k.service().equals(service)).toList();
            System.out.printf(
                    "chaos:   %-18s %2d killed, %2d with customers in flight: %s%n",
                    service,
                    ofService.size(),
                    inFlight(ofService).size(),
                    ofService.stream()
                            .map(k -> time(k.at()) + " " + k.process().replace(service, "#") + " " + k.inFlight())
                            .toList());
        }
        List<SendCommitKiller.Proof> proofs = sendCommit.proven(kills);
        System.out.printf(
                "chaos: notifier killed right after the mail server took its email: %d times; notifier kills proven"
                        + " between sending an email and committing: %d%n",
                sendCommit.mailKills().size(), proofs.size());
        for (SendCommitKiller.Proof proof : proofs) {
            System.out.printf(
                    "chaos:   %s (%s): %s emailed %s at %s, killed %d ms later, emailed again at %s by %s%n",
                    proof.kill().process(),
                    proof.kill().why(),
                    proof.before().sender(),
                    proof.before().recipient(),
                    time(proof.before().at()),
                    Duration.between(proof.before().at(), proof.kill().at()).toMillis(),
                    time(proof.after().at()),
                    proof.after().sender());
        }
    }

    static void assertCovered(List<ChaosMonkey.Kill> kills, SendCommitKiller sendCommit) {
        Map<String, Long> inFlightKills = ChaosMonkey.SERVICES.stream()
                .collect(Collectors.toMap(
                        service -> service,
                        service -> (long) inFlight(kills.stream()
                                        .filter(k -> k.service().equals(service))
                                        .toList())
                                .size(),
                        (a, b) -> a,
                        TreeMap::new));
        assertThat(inFlightKills)
                .as("kills per service while it had customers in flight: chaos that did not happen proves nothing")
                .allSatisfy((service, count) -> assertThat(count)
                        .as("kills of %s with customers in flight", service)
                        .isGreaterThanOrEqualTo(KILLS_IN_FLIGHT));
        assertThat(sendCommit.proven(kills))
                .as("notifier kills between sending an email and committing (the process emailed a customer before"
                        + " the kill, and the customer was emailed again after it)")
                .isNotEmpty();
    }

    private static List<ChaosMonkey.Kill> inFlight(List<ChaosMonkey.Kill> kills) {
        return kills.stream().filter(k -> k.inFlight() > 0).toList();
    }

    private static LocalTime time(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MILLIS);
    }
}
