package dev.rainmaker.localcloud.hosts.model;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the stack's modelled state shows the network on a host's public address: the daemons listening on every
 * interface, and what the web server answers. A simulated host opens real sockets from this, so a scan from outside
 * sees what the model says.
 */
public final class StackPorts {

    private StackPorts() {}

    /** Ports a stack daemon (memcached, munin-node) listens on on every interface, so also on the public address. */
    public static Set<Integer> onEveryInterface(HostState host) {
        Set<Integer> ports = new TreeSet<>();
        for (String port : new String[] {StackListeners.MEMCACHED_PORT, StackListeners.MUNIN_NODE_PORT}) {
            if (StackListeners.addresses(port, host).stream()
                    .anyMatch(address -> address.equals("0.0.0.0") || address.equals("[::]"))) {
                ports.add(Integer.parseInt(port));
            }
        }
        return ports;
    }

    /** nginx's answer to {@code GET /}; empty while nginx does not run (nothing listens on port 80). */
    public static Optional<WebAnswer> webAnswer(HostState host) {
        return StackApp.answer(host);
    }
}
