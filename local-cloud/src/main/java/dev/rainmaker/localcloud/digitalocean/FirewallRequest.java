package dev.rainmaker.localcloud.digitalocean;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A valid {@code POST /v2/firewalls} body, checked as DigitalOcean checks it (422 with its message otherwise): a name,
 * at least one rule, each with a protocol, valid ports and at least one source or destination; addresses must be IP
 * addresses or CIDRs and tags must exist (DigitalOcean refuses a firewall naming a tag nobody created yet).
 */
record FirewallRequest(
        String name,
        List<String> tags,
        List<Long> dropletIds,
        List<StandInFirewallRule> inboundRules,
        List<StandInFirewallRule> outboundRules,
        List<String> ignoredFields) {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9.-]+$");
    private static final Pattern PORTS = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?$");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp");
    private static final Set<String> TARGETS =
            Set.of("addresses", "droplet_ids", "load_balancer_uids", "kubernetes_ids", "tags");
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "name",
            "inbound_rules",
            "outbound_rules",
            "droplet_ids",
            "tags",
            "id",
            "status",
            "created_at",
            "pending_changes");

    static FirewallRequest parse(JsonObject body, Predicate<String> tagExists) {
        Object name = body.getValue("name");
        if (!(name instanceof String text) || text.isEmpty()) {
            throw new Unprocessable("name is required.");
        }
        if (text.length() > 255 || !NAME.matcher(text).matches()) {
            throw new Unprocessable("name must begin with a letter or digit and contain only letters,"
                    + " digits, periods and dashes.");
        }
        List<StandInFirewallRule> inbound = rules(body, "inbound_rules", "sources", tagExists);
        List<StandInFirewallRule> outbound = rules(body, "outbound_rules", "destinations", tagExists);
        if (inbound.isEmpty() && outbound.isEmpty()) {
            throw new Unprocessable("A firewall must have at least one inbound or outbound rule.");
        }
        List<String> ignored = body.fieldNames().stream()
                .filter(field -> !KNOWN_FIELDS.contains(field))
                .sorted()
                .toList();
        return new FirewallRequest(
                text,
                tags(body.getValue("tags"), "tags", tagExists),
                dropletIds(body.getValue("droplet_ids")),
                inbound,
                outbound,
                ignored);
    }

    private static List<StandInFirewallRule> rules(
            JsonObject body, String key, String targetKey, Predicate<String> tagExists) {
        Object value = body.getValue(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new Unprocessable(key + " must be an array of rules.");
        }
        List<StandInFirewallRule> rules = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject rule)) {
                throw new Unprocessable(key + " must be an array of rules.");
            }
            rules.add(rule(rule, targetKey, tagExists));
        }
        return rules;
    }

    private static StandInFirewallRule rule(JsonObject rule, String targetKey, Predicate<String> tagExists) {
        Object protocol = rule.getValue("protocol");
        if (!(protocol instanceof String text) || !PROTOCOLS.contains(text)) {
            throw new Unprocessable("protocol must be one of tcp, udp or icmp.");
        }
        String ports = text.equals("icmp") ? "0" : ports(rule.getValue("ports"));
        if (!(rule.getValue(targetKey) instanceof JsonObject target)
                || TARGETS.stream().noneMatch(t -> target.getValue(t) instanceof JsonArray list && !list.isEmpty())) {
            throw new Unprocessable("Each rule needs " + targetKey + " with at least one address,"
                    + " droplet, load balancer, Kubernetes cluster or tag.");
        }
        return new StandInFirewallRule(
                text,
                ports,
                addresses(target.getValue("addresses")),
                dropletIds(target.getValue("droplet_ids")),
                tags(target.getValue("tags"), "tags", tagExists));
    }

    private static String ports(Object value) {
        if (value instanceof String text) {
            Matcher matcher = PORTS.matcher(text);
            if (matcher.matches()) {
                int from = Integer.parseInt(matcher.group(1));
                int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
                boolean all = text.equals("0");
                if (all || (from >= 1 && to <= 65535 && from <= to)) {
                    return text;
                }
            }
        }
        throw new Unprocessable("you must specify a valid range for ports");
    }

    private static List<String> addresses(Object value) {
        List<String> addresses = strings(value, "addresses");
        for (String address : addresses) {
            if (!isAddressOrCidr(address)) {
                throw new Unprocessable("invalid address: " + address);
            }
        }
        return addresses;
    }

    private static boolean isAddressOrCidr(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            return false;
        }
        boolean ipv6 = parts[0].contains(":");
        if (!ipv6 && !parts[0].matches("^(\\d{1,3})(\\.\\d{1,3}){3}$")) {
            return false;
        }
        try {
            // Literal addresses only (a dotted quad, or anything with ':'): no name is looked up.
            InetAddress address = InetAddress.getByName(parts[0]);
            if (parts.length == 2) {
                int prefix = Integer.parseInt(parts[1]);
                return prefix >= 0 && prefix <= address.getAddress().length * 8;
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static List<String> tags(Object value, String key, Predicate<String> tagExists) {
        List<String> tags = strings(value, key);
        for (String tag : tags) {
            if (!tagExists.test(tag)) {
                throw new Unprocessable("tag " + tag + " does not exist; create it first.");
            }
        }
        return tags;
    }

    private static List<Long> dropletIds(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)
                || array.stream().anyMatch(id -> !(id instanceof Integer) && !(id instanceof Long))) {
            throw new Unprocessable("droplet_ids must be an array of integers.");
        }
        return array.stream().map(id -> ((Number) id).longValue()).toList();
    }

    private static List<String> strings(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.stream().anyMatch(item -> !(item instanceof String))) {
            throw new Unprocessable(key + " must be an array of strings.");
        }
        return array.stream().map(String.class::cast).toList();
    }
}
