package dev.rainmaker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import dev.rainmaker.localcloud.hosts.containers.ContainerHosts;
import dev.rainmaker.localcloud.hosts.real.RealHosts;
import picocli.CommandLine.Option;

/**
 * What {@code demo} and {@code up} both ask of the local cloud: how long droplets boot, on which hosts, and how many
 * Kafka brokers.
 */
final class LocalCloudOptions {

    @Option(
            names = "--boot-delay",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = OptionValues.Length.class,
            description = "how long a droplet takes to boot: 500ms, 2s, 5m, PT5M (default: ${DEFAULT-VALUE})")
    Duration bootDelay;

    @Option(
            names = "--hosts",
            paramLabel = "KIND",
            defaultValue = "auto",
            converter = OptionValues.Hosts.class,
            description = {
                "auto (default): real Debian 12 machines where this machine can run them (Linux, root, the tools"
                        + " installable with apt-get), else the same machines as containers where a Docker API answers"
                        + " (DOCKER_HOST: Docker or Podman), else simulated SSH hosts; real; containers; or simulated"
            })
    HostChoice.Wanted hosts;

    @Option(
            names = "--brokers",
            paramLabel = "N",
            defaultValue = "1",
            converter = OptionValues.Brokers.class,
            description = "Kafka brokers: 1 (default), or 3 and more: a KRaft cluster of broker processes, three"
                    + " replicas of every partition, two of them in sync for a write, as in production")
    int brokers;

    /** Starts the local cloud, the four services and status-service, once it has said which hosts and why. */
    LocalRun start(Path repository, int kafkaPort, PrintStream out) {
        HostChoice choice = HostChoice.decide(hosts, RealHosts.availability(), ContainerHosts.availability());
        out.println(choice.describe());
        return LocalRun.start(
                new LocalRun.Options(
                        repository, repository.resolve(".rainmaker"), kafkaPort, brokers, bootDelay, choice.kind()),
                out::println);
    }
}
