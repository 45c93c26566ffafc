package dev.rainmaker.droplet.client;

import java.util.List;
import java.util.Optional;

import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.CloudFirewall;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** DigitalOcean's JSON shapes to and from droplet-service's values. */
final class DigitalOceanJson {

    private DigitalOceanJson() {}

    static JsonObject batchBody(DropletBatch batch) {
        return new JsonObject()
                .put("names", new JsonArray(batch.names()))
                .put("region", batch.region())
                .put("size", batch.size())
                .put("image", batch.image())
                .put("tags", new JsonArray(batch.tags()))
                .put("monitoring", true)
                .put("user_data", batch.userData());
    }

    /** {@code {"resources": [{"resource_id": "123", "resource_type": "droplet"}, ...]}}: ids as strings. */
    static JsonObject dropletResources(List<Long> dropletIds) {
        JsonArray resources = new JsonArray();
        dropletIds.forEach(id -> resources.add(
                new JsonObject().put("resource_id", String.valueOf(id)).put("resource_type", "droplet")));
        return new JsonObject().put("resources", resources);
    }

    /** Inbound SSH, HTTP and HTTPS from anywhere; all outbound traffic; applied to droplets carrying the tag. */
    static JsonObject firewallBody(String name, String dropletTag) {
        JsonArray inbound = new JsonArray();
        for (String port : List.of("22", "80", "443")) {
            inbound.add(
                    new JsonObject().put("protocol", "tcp").put("ports", port).put("sources", anywhere()));
        }
        JsonArray outbound = new JsonArray();
        for (String protocol : List.of("tcp", "udp", "icmp")) {
            outbound.add(
                    new JsonObject().put("protocol", protocol).put("ports", "0").put("destinations", anywhere()));
        }
        return new JsonObject()
                .put("name", name)
                .put("inbound_rules", inbound)
                .put("outbound_rules", outbound)
                .put("tags", new JsonArray().add(dropletTag));
    }

    static CloudFirewall firewall(JsonObject json) {
        return new CloudFirewall(
                json.getString("id"),
                json.getString("name"),
                strings(json.getJsonArray("tags")),
                json.getString("created_at", ""));
    }

    private static JsonObject anywhere() {
        return new JsonObject()
                .put("addresses", new JsonArray().add("0.0.0.0/0").add("::/0"));
    }

    static RemoteDroplet droplet(JsonObject json) {
        return new RemoteDroplet(
                json.getLong("id"),
                json.getString("name"),
                json.getString("status"),
                publicIpv4(json.getJsonObject("networks")),
                slug(json.getJsonObject("region")),
                slug(json.getJsonObject("image")),
                json.getString("size_slug"),
                strings(json.getJsonArray("tags")));
    }

    static CatalogueSize size(JsonObject json) {
        return new CatalogueSize(
                json.getString("slug"), json.getBoolean("available", true), strings(json.getJsonArray("regions")));
    }

    static CatalogueRegion region(JsonObject json) {
        return new CatalogueRegion(
                json.getString("slug"), json.getBoolean("available", false), strings(json.getJsonArray("sizes")));
    }

    static Optional<String> imageSlug(JsonObject json) {
        return Optional.ofNullable(json.getString("slug"));
    }

    private static Optional<String> publicIpv4(JsonObject networks) {
        if (networks == null || networks.getJsonArray("v4") == null) {
            return Optional.empty();
        }
        return networks.getJsonArray("v4").stream()
                .map(JsonObject.class::cast)
                .filter(network -> "public".equals(network.getString("type")))
                .map(network -> network.getString("ip_address"))
                .findFirst();
    }

    private static String slug(JsonObject json) {
        return json == null ? null : json.getString("slug");
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
