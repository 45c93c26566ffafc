package dev.rainmaker.localcloud.digitalocean;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A region of the stand-in's catalogue: whether droplets can be created there and which sizes it offers. */
public record CatalogueRegion(String slug, String name, boolean available, List<String> sizes) {

    public CatalogueRegion {
        sizes = List.copyOf(sizes);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("name", name)
                .put("slug", slug)
                .put("features", new JsonArray(List.of("backups", "ipv6", "metadata", "install_agent", "storage")))
                .put("available", available)
                .put("sizes", new JsonArray(sizes));
    }
}
