package dev.rainmaker.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.events.SignupReceived;
import org.apache.kafka.common.utils.Utils;

/**
 * The customers provisioned before the burst: one per partition, so that every stage has joined its consumer group
 * and begun each of its partitions (the first record of a partition makes SmallRye fetch its committed offset, which
 * took 0.5-1 s a partition on a fresh service). A Rainmaker running overnight has done that long before a burst; the
 * burst is measured from after them.
 */
final class WarmUp {

    private WarmUp() {}

    /** One sign-up for each partition, by the producer's default partitioning of the customer id. */
    static List<SignupReceived> signups(String prefix) {
        List<SignupReceived> chosen = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (SignupReceived candidate : DemoSignups.create(prefix, 50 * BenchSettings.PARTITIONS)) {
            if (covered.add(partitionOf(candidate.customerId()))) {
                chosen.add(candidate);
            }
            if (covered.size() == BenchSettings.PARTITIONS) {
                return chosen;
            }
        }
        throw new IllegalStateException(
                "no customer id found for every one of " + BenchSettings.PARTITIONS + " partitions");
    }

    static int partitionOf(String customerId) {
        return Utils.toPositive(Utils.murmur2(customerId.getBytes(StandardCharsets.UTF_8))) % BenchSettings.PARTITIONS;
    }
}
