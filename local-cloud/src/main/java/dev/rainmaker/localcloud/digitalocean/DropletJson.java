package dev.rainmaker.localcloud.digitalocean;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A droplet and its create action in DigitalOcean's JSON shapes. */
final class DropletJson {

    private DropletJson() {}

    static JsonObject droplet(DropletState droplet, Catalogue catalogue) {
        List<String> features = new ArrayList<>(List.of("droplet_agent", "private_networking"));
        if (droplet.monitoring) {
            features.add("monitoring");
        }
        return new JsonObject()
                .put("id", droplet.id)
                .put("name", droplet.name)
                .put("memory", droplet.size.memoryMegabytes())
                .put("vcpus", droplet.size.vcpus())
                .put("disk", droplet.size.diskGigabytes())
                .put("locked", false)
                .put("status", droplet.status())
                .putNull("kernel")
                .put("created_at", droplet.createdAt.toString())
                .put("features", new JsonArray(features))
                .put("backup_ids", new JsonArray())
                .putNull("next_backup_window")
                .put("snapshot_ids", new JsonArray())
                .put("image", droplet.image.toJson(catalogue))
                .put("volume_ids", new JsonArray())
                .put("size", droplet.size.toJson(catalogue))
                .put("size_slug", droplet.size.slug())
                .put("networks", networks(droplet))
                .put("region", droplet.region.toJson())
                .put("tags", new JsonArray(droplet.tags()))
                .put("vpc_uuid", "5f5e1c10-0000-4000-8000-" + String.format("%012d", droplet.id % 1_000_000_000_000L));
    }

    static JsonObject createAction(DropletState droplet) {
        String status = droplet.createActionStatus();
        return new JsonObject()
                .put("id", droplet.createActionId)
                .put("status", status)
                .put("type", "create")
                .put("started_at", droplet.createdAt.toString())
                .put(
                        "completed_at",
                        droplet.activeAt() == null ? null : droplet.activeAt().toString())
                .put("resource_id", droplet.id)
                .put("resource_type", "droplet")
                .put("region", droplet.region.toJson())
                .put("region_slug", droplet.region.slug());
    }

    static JsonObject actionLink(DropletState droplet, String baseUrl) {
        return new JsonObject()
                .put("id", droplet.createActionId)
                .put("rel", "create")
                .put("href", baseUrl + "/v2/actions/" + droplet.createActionId);
    }

    private static JsonObject networks(DropletState droplet) {
        JsonArray v4 = new JsonArray();
        String address = droplet.publicIpv4();
        if (address != null) {
            v4.add(new JsonObject()
                    .put("ip_address", address)
                    .put("netmask", "255.0.0.0")
                    .put("gateway", "127.0.0.1")
                    .put("type", "public"));
        }
        return new JsonObject().put("v4", v4).put("v6", new JsonArray());
    }
}
