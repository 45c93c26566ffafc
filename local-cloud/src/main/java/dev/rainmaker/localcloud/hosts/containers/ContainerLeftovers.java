package dev.rainmaker.localcloud.hosts.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rainmaker.localcloud.hosts.real.RunOwner;

/**
 * Removes the host containers and networks of runs killed before they could remove them, and nothing else: only what
 * carries the {@link Labels#OWNER} label, and only when that owner no longer runs.
 */
final class ContainerLeftovers {

    private ContainerLeftovers() {}

    /** Sweeps and says what it removed, one line each. */
    static List<String> sweep(DockerClient docker) {
        List<String> removed = new ArrayList<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(Labels.OWNER)).exec().stream()
                .filter(container -> leftOver(container.getLabels()))
                .forEach(container -> {
                    try {
                        docker.removeContainerCmd(container.getId())
                                .withForce(true)
                                .withRemoveVolumes(true)
                                .exec();
                        removed.add("host container " + String.join(",", container.getNames()));
                    } catch (NotFoundException gone) {
                        // removed meanwhile
                    }
                });
        docker.listNetworksCmd().exec().stream()
                .filter(network ->
                        network.getLabels() != null && network.getLabels().containsKey(Labels.OWNER))
                .filter(network -> leftOver(network.getLabels()))
                .forEach(network -> {
                    try {
                        docker.removeNetworkCmd(network.getId()).exec();
                        removed.add("host network " + network.getName());
                    } catch (NotFoundException gone) {
                        // removed meanwhile
                    }
                });
        return removed;
    }

    private static boolean leftOver(Map<String, String> labels) {
        return RunOwner.parse(labels.getOrDefault(Labels.OWNER, ""))
                .map(owner -> !owner.alive())
                .orElse(true);
    }
}
