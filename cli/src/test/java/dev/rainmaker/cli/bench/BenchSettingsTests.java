package dev.rainmaker.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.rainmaker.cli.ServiceLaunch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchSettingsTests {

    @Test
    void everyServiceCreatesItsTopicsWithTheFloorsPartitions() {
        for (String service : List.of("droplet-service", "bootstrap-service", "stack-service", "notifier-service")) {
            assertThat(BenchSettings.apply(launch(service + "-1"), 1).systemProperties())
                    .containsEntry("rainmaker.topics.partitions", "12");
        }
    }

    @Test
    void theServicesThatWorkOnHostsTakeAsManyAtOnceAsTheFloor() {
        assertThat(BenchSettings.apply(launch("bootstrap-service-1"), 1).systemProperties())
                .containsEntry("rainmaker.ssh.max-hosts-at-once", "100");
        assertThat(BenchSettings.apply(launch("stack-service-2"), 2).systemProperties())
                .containsEntry("rainmaker.ssh.max-hosts-at-once", "100");
        assertThat(BenchSettings.apply(launch("notifier-service-1"), 1).systemProperties())
                .doesNotContainKey("rainmaker.ssh.max-hosts-at-once");
    }

    @Test
    void stackServiceChecksThePortsTheFloorLooksAt() {
        Map<String, String> properties =
                BenchSettings.apply(launch("stack-service-1"), 1).systemProperties();

        assertThat(properties)
                .containsEntry("rainmaker.stack.outside.may-be-open-ports", "443")
                .containsEntry("rainmaker.stack.outside.closed-ports", "21,23,25,3306,4949,5432,6379,8080,11211");
        assertThat(BenchSettings.otherCheckedPorts())
                .containsExactly(443, 21, 23, 25, 3306, 4949, 5432, 6379, 8080, 11211);
    }

    @Test
    void dropletServiceInstancesShareTheTokensBudget() {
        assertThat(BenchSettings.apply(launch("droplet-service-1"), 2).systemProperties())
                .containsEntry("rainmaker.droplet.rate-limit.instances", "2");
    }

    private static ServiceLaunch launch(String name) {
        return new ServiceLaunch(
                name, List.of("-jar", "quarkus-run.jar"), Map.of(), Map.of(), Path.of(name + ".log"), 0);
    }
}
