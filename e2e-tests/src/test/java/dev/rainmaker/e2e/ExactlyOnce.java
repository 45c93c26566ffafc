package dev.rainmaker.e2e;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.rainmaker.localcloud.digitalocean.StandInDroplet;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** What a burst must end with, however much went wrong on the way: each customer ready once, on one droplet. */
final class ExactlyOnce {

    private ExactlyOnce() {}

    /**
     * Each customer has exactly one committed {@code CustomerReady} (read_committed) and exactly one droplet, and the
     * cloud holds no droplet of anyone else (no orphan of a retried create).
     */
    static void assertReadyOnceOnOneDroplet(LocalPipeline pipeline, Set<String> customers) {
        Map<String, Long> readyPerCustomer = pipeline.readyRecordsOf(customers).stream()
                .collect(Collectors.groupingBy(TopicRecord::key, TreeMap::new, Collectors.counting()));
        assertThat(readyPerCustomer)
                .as("CustomerReady records per customer (read_committed)")
                .hasSize(customers.size())
                .allSatisfy((customer, count) ->
                        assertThat(count).as("CustomerReady of %s", customer).isOne());
        Map<String, Long> dropletsPerName = pipeline.cloud().digitalOcean().droplets().stream()
                .collect(Collectors.groupingBy(StandInDroplet::name, Collectors.counting()));
        assertThat(dropletsPerName)
                .as("droplets per name: one per customer, none of anyone else (no orphans)")
                .containsOnlyKeys(customers.stream().map(id -> "rm-" + id).toList())
                .allSatisfy((name, count) ->
                        assertThat(count).as("droplets named %s", name).isOne());
    }
}
