package dev.rainmaker.localcloud.digitalocean;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A cloud firewall in DigitalOcean's JSON shape. */
final class FirewallJson {

    private FirewallJson() {}

    /** {@code status} is {@code waiting} in the create answer and {@code succeeded} afterwards. */
    static JsonObject firewall(FirewallStore.Firewall firewall, String status) {
        StandInFirewall view = firewall.view();
        return new JsonObject()
                .put("id", view.id())
                .put("name", view.name())
                .put("status", status)
                .put("inbound_rules", rules(view.inboundRules(), "sources"))
                .put("outbound_rules", rules(view.outboundRules(), "destinations"))
                .put("created_at", firewall.createdAt().toString())
                .put("droplet_ids", new JsonArray(view.dropletIds()))
                .put("tags", new JsonArray(view.tags()))
                .put("pending_changes", new JsonArray());
    }

    private static JsonArray rules(List<StandInFirewallRule> rules, String targetKey) {
        JsonArray json = new JsonArray();
        for (StandInFirewallRule rule : rules) {
            JsonObject target = new JsonObject();
            if (!rule.addresses().isEmpty()) {
                target.put("addresses", new JsonArray(rule.addresses()));
            }
            if (!rule.dropletIds().isEmpty()) {
                target.put("droplet_ids", new JsonArray(rule.dropletIds()));
            }
            if (!rule.tags().isEmpty()) {
                target.put("tags", new JsonArray(rule.tags()));
            }
            json.add(new JsonObject()
                    .put("protocol", rule.protocol())
                    .put("ports", rule.ports())
                    .put(targetKey, target));
        }
        return json;
    }
}
