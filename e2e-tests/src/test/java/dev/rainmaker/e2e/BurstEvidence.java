package dev.rainmaker.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.kafka.TopicClient;

/**
 * What a burst of slow real hosts left to show that its stages outlived their command timeout and resumed: the hosts a
 * service's log says it resumed a stage on, and each customer's time in hardening and in the stack stage, from the
 * times of the events that start and end them.
 */
final class BurstEvidence {

    private static final Pattern RESUMING =
            Pattern.compile("the (\\w+) stage on droplet (\\S+) will resume \\(\\d+, .*did not finish within");

    private BurstEvidence() {}

    /** Per stage ({@code hardening}, {@code stack}), the droplets on which a command outlived its timeout. */
    static Map<String, Set<String>> timedOutHosts(Path serviceLog) throws IOException {
        Map<String, Set<String>> hosts = new TreeMap<>();
        try (var lines = Files.lines(serviceLog)) {
            lines.map(RESUMING::matcher)
                    .filter(Matcher::find)
                    .forEach(resuming -> hosts.computeIfAbsent(resuming.group(1), stage -> new TreeSet<>())
                            .add(resuming.group(2)));
        }
        return hosts;
    }

    /** One customer's stage times: DropletActive to HostHardened, HostHardened to StackInstalled. */
    record StageTimes(String customerId, Duration hardening, Duration stack) {}

    static StageTimes stageTimes(TopicClient kafka, String customerId) {
        long active = firstTimestamp(kafka, EventType.DROPLET_ACTIVE, customerId);
        long hardened = firstTimestamp(kafka, EventType.HOST_HARDENED, customerId);
        long installed = firstTimestamp(kafka, EventType.STACK_INSTALLED, customerId);
        return new StageTimes(
                customerId, Duration.ofMillis(hardened - active), Duration.ofMillis(installed - hardened));
    }

    private static long firstTimestamp(TopicClient kafka, EventType type, String customerId) {
        Optional<Long> first = kafka.readAll(type.topic()).stream()
                .filter(record -> record.key().equals(customerId))
                .map(TopicClient.TopicRecord::timestamp)
                .min(Long::compare);
        return first.orElseThrow(() -> new AssertionError("no " + type + " for " + customerId));
    }

    /** A Prometheus counter summed over the series whose labels contain {@code label}, e.g. {@code cause="x"}. */
    static double sum(String metrics, String metric, String label) {
        return metrics.lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
