package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.List;

/** Where the stack's daemons listen, derived from their configuration the way each daemon reads it. */
final class StackListeners {

    static final String MEMCACHED_PORT = "11211";
    static final String MUNIN_NODE_PORT = "4949";

    private StackListeners() {}

    /** Addresses listening on {@code port} ({@code 127.0.0.1}, {@code [::1]}, {@code 0.0.0.0}); null for a port not ours. */
    static List<String> addresses(String port, HostState host) {
        return switch (port) {
            case MEMCACHED_PORT -> running("memcached", host) ? memcached(host) : List.of();
            case MUNIN_NODE_PORT -> running("munin-node", host) ? muninNode(host) : List.of();
            default -> null;
        };
    }

    private static boolean running(String service, HostState host) {
        return host.activeServices.contains(service)
                && !"true".equals(host.settings.get(StackCommands.FAULT_CANNOT_BIND + service));
    }

    /** memcached: every {@code -l ADDR[,ADDR]} line; without one it listens on every interface. */
    private static List<String> memcached(HostState host) {
        List<String> addresses = new ArrayList<>();
        for (String line :
                host.files.getOrDefault(StackCommands.MEMCACHED_CONF, "").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("-l ")) {
                for (String address : trimmed.substring(3).trim().split(",")) {
                    addresses.add(bracketed(address.trim()));
                }
            }
        }
        return addresses.isEmpty() ? List.of("0.0.0.0") : addresses;
    }

    /** munin-node: its {@code host} directive; {@code *} or none means every interface. */
    private static List<String> muninNode(HostState host) {
        String address = "0.0.0.0";
        for (String line :
                host.files.getOrDefault(StackCommands.MUNIN_NODE_CONF, "").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("host ")) {
                String value = trimmed.substring(5).trim();
                address = value.equals("*") ? "0.0.0.0" : bracketed(value);
            }
        }
        return List.of(address);
    }

    private static String bracketed(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
