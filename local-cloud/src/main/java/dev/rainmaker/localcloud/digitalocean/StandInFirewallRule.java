package dev.rainmaker.localcloud.digitalocean;

import java.util.List;

/**
 * One rule of a {@link StandInFirewall}: traffic of a protocol on ports from (inbound) or to (outbound) addresses,
 * droplets or tagged droplets.
 *
 * @param ports {@code "0"} for all ports, a single port {@code "22"} or a range {@code "8000-9000"}
 */
public record StandInFirewallRule(
        String protocol, String ports, List<String> addresses, List<Long> dropletIds, List<String> tags) {

    public StandInFirewallRule {
        addresses = List.copyOf(addresses);
        dropletIds = List.copyOf(dropletIds);
        tags = List.copyOf(tags);
    }
}
