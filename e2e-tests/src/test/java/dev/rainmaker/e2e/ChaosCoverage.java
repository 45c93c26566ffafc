package dev.rainmaker.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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

    static final int KILLS_IN_FLIGHT = 2;

    private ChaosCoverage() {}

    static void report(List<ChaosMonkey.Kill> kills, SendCommitKiller sendCommit) {
        System.out.println("chaos: kills per service (customers the service had in flight at each kill):");
        for (String service : ChaosMonkey.SERVICES) {
            List<ChaosMonkey.Kill> ofService =
                    kills.stream().filter(k -> k.service().equals(service)).toList();
            System.out.printf(
                    "chaos:   %-18s %2d killed, %2d with customers in flight %s; per process %s%n",
                    service,
                    ofService.size(),
                    inFlight(ofService).size(),
                    ofService.stream().map(ChaosMonkey.Kill::inFlight).toList(),
                    ofService.stream()
                            .collect(Collectors.groupingBy(
                                    ChaosMonkey.Kill::process, TreeMap::new, Collectors.counting())));
        }
        List<SendCommitKiller.MailKill> proven = sendCommit.proven();
        System.out.printf(
                "chaos: notifier killed right after the mail server took an email: %d times, %d proven between send"
                        + " and commit%n",
                sendCommit.mailKills().size(), proven.size());
        for (SendCommitKiller.MailKill mailKill : sendCommit.mailKills()) {
            List<Instant> emails = sendCommit.deliveriesTo(mailKill.recipient());
            System.out.printf(
                    "chaos:   %s emailed at %s; %s killed %d ms later; emails to it at %s%s%n",
                    mailKill.recipient(),
                    time(mailKill.emailed()),
                    mailKill.kill().process(),
                    Duration.between(mailKill.emailed(), mailKill.kill().at()).toMillis(),
                    emails.stream().map(ChaosCoverage::time).toList(),
                    proven.contains(mailKill)
                            ? " (emailed again after the kill: the commit had not happened)"
                            : " (not emailed again: the commit was done first)");
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
        assertThat(sendCommit.proven())
                .as("notifier kills between sending an email and committing (the customer emailed again after it)")
                .isNotEmpty();
    }

    private static List<ChaosMonkey.Kill> inFlight(List<ChaosMonkey.Kill> kills) {
        return kills.stream().filter(k -> k.inFlight() > 0).toList();
    }

    private static LocalTime time(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault());
    }
}
