package dev.rainmaker.cli.bench;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.rainmaker.cli.ServiceLaunch;

/**
 * What the floor must do exactly as the services do, given to the services too, so that the two cannot drift apart
 * when a service's default changes: how many partitions each topic has, how many hosts bootstrap-service and
 * stack-service each work on at once, and which ports stack-service checks from outside besides sshd and the app.
 * They are the services' defaults.
 */
final class BenchSettings {

    static final int PARTITIONS = 12;
    static final int HOSTS_AT_ONCE = 100;
    static final List<Integer> MAY_BE_OPEN_PORTS = List.of(443);
    static final List<Integer> CLOSED_PORTS = List.of(21, 23, 25, 3306, 4949, 5432, 6379, 8080, 11211);

    private BenchSettings() {}

    /** The launch with these settings; instances of droplet-service also share the token's rate budget. */
    static ServiceLaunch apply(ServiceLaunch launch, int instances) {
        ServiceLaunch set = launch.withSystemProperty("rainmaker.topics.partitions", String.valueOf(PARTITIONS));
        if (isOf(launch, "droplet-service")) {
            return set.withSystemProperty("rainmaker.droplet.rate-limit.instances", String.valueOf(instances));
        }
        if (isOf(launch, "bootstrap-service") || isOf(launch, "stack-service")) {
            set = set.withSystemProperty("rainmaker.ssh.max-hosts-at-once", String.valueOf(HOSTS_AT_ONCE));
        }
        if (isOf(launch, "stack-service")) {
            set = set.withSystemProperty("rainmaker.stack.outside.may-be-open-ports", joined(MAY_BE_OPEN_PORTS))
                    .withSystemProperty("rainmaker.stack.outside.closed-ports", joined(CLOSED_PORTS));
        }
        return set;
    }

    /** The ports stack-service checks from outside besides sshd and the app. */
    static List<Integer> otherCheckedPorts() {
        return Stream.concat(MAY_BE_OPEN_PORTS.stream(), CLOSED_PORTS.stream()).toList();
    }

    private static boolean isOf(ServiceLaunch launch, String service) {
        return launch.name().startsWith(service + "-");
    }

    private static String joined(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
