package dev.rainmaker.localcloud.digitalocean;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A plain HTTP client for the stand-in's tests, with the bearer token given. */
final class StandInHttp {

    // HTTP/1.1 as droplet-service's Vert.x Web Client speaks it (the JDK client would otherwise try h2c upgrades).
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final DigitalOceanStandIn api;
    private final String token;

    StandInHttp(DigitalOceanStandIn api, String token) {
        this.api = api;
        this.token = token;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null);
    }

    HttpResponse<String> post(String path, JsonObject body) throws IOException, InterruptedException {
        return send("POST", path, body.encode());
    }

    HttpResponse<String> delete(String pathAndQuery) throws IOException, InterruptedException {
        return send("DELETE", pathAndQuery, null);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        URI uri = pathAndQuery.startsWith("http") ? URI.create(pathAndQuery) : URI.create(api.baseUrl() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid create body for {@code rm-<customer>} in fra1, tagged as droplet-service tags it. */
    static JsonObject dropletBody(String customer) {
        return new JsonObject()
                .put("name", "rm-" + customer)
                .put("region", "fra1")
                .put("size", "s-1vcpu-1gb")
                .put("image", "debian-12-x64")
                .put("monitoring", true)
                .put("tags", new JsonArray().add("rainmaker").add("rainmaker-customer-" + customer))
                .put("user_data", "#cloud-config\n");
    }

    /** Allows 22, 80 and 443 in and everything out, for droplets tagged {@code rainmaker}. */
    static JsonObject firewallBody(String name) {
        JsonObject anywhere = new JsonObject()
                .put("addresses", new JsonArray().add("0.0.0.0/0").add("::/0"));
        JsonArray inbound = new JsonArray();
        for (String port : new String[] {"22", "80", "443"}) {
            inbound.add(
                    new JsonObject().put("protocol", "tcp").put("ports", port).put("sources", anywhere.copy()));
        }
        JsonArray outbound = new JsonArray();
        for (String protocol : new String[] {"tcp", "udp"}) {
            outbound.add(
                    new JsonObject().put("protocol", protocol).put("ports", "0").put("destinations", anywhere.copy()));
        }
        outbound.add(new JsonObject().put("protocol", "icmp").put("ports", "0").put("destinations", anywhere.copy()));
        return new JsonObject()
                .put("name", name)
                .put("inbound_rules", inbound)
                .put("outbound_rules", outbound)
                .put("tags", new JsonArray().add("rainmaker"));
    }
}
