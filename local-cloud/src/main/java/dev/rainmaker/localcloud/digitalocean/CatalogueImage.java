package dev.rainmaker.localcloud.digitalocean;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A public distribution image of the stand-in's catalogue, created from its slug. */
public record CatalogueImage(long id, String slug, String name, String distribution) {

    JsonObject toJson(Catalogue catalogue) {
        return new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("type", "base")
                .put("distribution", distribution)
                .put("slug", slug)
                .put("public", true)
                .put("regions", new JsonArray(catalogue.regionSlugs()))
                .put("created_at", "2025-06-10T12:00:00Z")
                .put("min_disk_size", 10)
                .put("size_gigabytes", 1.5)
                .put("description", name)
                .put("tags", new JsonArray())
                .put("status", "available")
                .put("error_message", "");
    }
}
