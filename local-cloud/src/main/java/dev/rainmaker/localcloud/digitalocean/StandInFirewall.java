package dev.rainmaker.localcloud.digitalocean;

import java.util.List;

/** What a test can see of a cloud firewall in the stand-in: its identity, what it applies to and its rules. */
public record StandInFirewall(
        String id,
        String name,
        List<String> tags,
        List<Long> dropletIds,
        List<StandInFirewallRule> inboundRules,
        List<StandInFirewallRule> outboundRules) {

    public StandInFirewall {
        tags = List.copyOf(tags);
        dropletIds = List.copyOf(dropletIds);
        inboundRules = List.copyOf(inboundRules);
        outboundRules = List.copyOf(outboundRules);
    }
}
