package dev.rainmaker.droplet.client;

import java.util.List;
import java.util.Optional;

import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.DropletCreation;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** DigitalOcean's JSON shapes to and from droplet-service's values. */
final class DigitalOceanJson {

    private DigitalOceanJson() {}

    static JsonObject createBody(DropletCreation creation) {
        return new JsonObject()
                .put("name", creation.name())
                .put("region", creation.region())
                .put("size", creation.size())
                .put("image", creation.image())
                .put("tags", new JsonArray(creation.tags()))
                .put("monitoring", true)
                .put("user_data", creation.userData());
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
