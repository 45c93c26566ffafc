package dev.rainmaker.localcloud.hosts.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rainmaker.localcloud.hosts.real.RunOwner;

/**
 * The container engine's bridge network this run's hosts live on, made for the run and removed with it. Each host is
 * reached at its own address on it, as a droplet at its public IP: every port the host listens on is there, and only
 * its own firewall (ufw, in the host's network namespace) decides what answers, so the outside check probes the host's
 * firewall rather than the engine's port publishing, which would answer only for the ports published. The engine
 * masquerades the network's way out, but a host has no name server and reaches packages only through the proxy on this
 * machine, so nothing it does leaves the machine.
 */
record HostsNetwork(String name) {

    static HostsNetwork create(DockerClient docker, RunOwner owner) {
        HostsNetwork network = new HostsNetwork("rmh-hosts-" + owner.pid());
        docker.createNetworkCmd()
                .withName(network.name())
                .withDriver("bridge")
                .withLabels(Labels.ownedBy(owner))
                .exec();
        return network;
    }

    void remove(DockerClient docker) {
        try {
            docker.removeNetworkCmd(name).exec();
        } catch (NotFoundException gone) {
            // removed already
        }
    }
}
