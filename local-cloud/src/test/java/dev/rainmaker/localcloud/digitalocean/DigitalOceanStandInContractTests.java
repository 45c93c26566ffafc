package dev.rainmaker.localcloud.digitalocean;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every request sent here and every answer of the stand-in must match DigitalOcean's OpenAPI document. */
class DigitalOceanStandInContractTests {

    private static final String TOKEN = "dop_v1_contract";

    private static DigitalOceanOpenApi openApi;
    private static DigitalOceanStandIn api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> findings = new ArrayList<>();

    @BeforeAll
    static void start() {
        Optional<Path> document = DigitalOceanOpenApi.locate();
        assumeTrue(
                document.isPresent(),
                "DigitalOcean's OpenAPI document (shared/digitalocean/openapi-bundled.yaml beside the repository)"
                        + " was not found: the contract checks are skipped");
        openApi = new DigitalOceanOpenApi(document.get());
        api = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(200))
                .hostProvider(new LoopbackHosts())
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theAccountAndCatalogueAnswersMatchTheDocument() throws Exception {
        exchange("GET", "/v2/account", null, TOKEN);
        exchange("GET", "/v2/account/keys", null, TOKEN);
        exchange("GET", "/v2/sizes?per_page=2", null, TOKEN);
        exchange("GET", "/v2/regions", null, TOKEN);
        exchange("GET", "/v2/images?type=distribution&per_page=200", null, TOKEN);

        assertThat(findings).isEmpty();
    }

    @Test
    void aDropletsWholeLifeMatchesTheDocument() throws Exception {
        JsonObject body = new JsonObject()
                .put("name", "rm-contract")
                .put("region", "fra1")
                .put("size", "s-1vcpu-1gb")
                .put("image", "debian-12-x64")
                .put("monitoring", true)
                .put("tags", new JsonArray().add("rainmaker").add("rainmaker-customer-contract"))
                .put("user_data", "#cloud-config\n");
        JsonObject created = new JsonObject(
                exchange("POST", "/v2/droplets", body.encode(), TOKEN).body());
        long id = created.getJsonObject("droplet").getLong("id");
        long actionId = created.getJsonObject("links")
                .getJsonArray("actions")
                .getJsonObject(0)
                .getLong("id");

        exchange("GET", "/v2/droplets/" + id, null, TOKEN);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.droplets().getFirst().status().equals("active"));
        exchange("GET", "/v2/droplets/" + id, null, TOKEN);
        exchange("GET", "/v2/droplets?tag_name=rainmaker-customer-contract&per_page=200", null, TOKEN);
        exchange("GET", "/v2/actions/" + actionId, null, TOKEN);
        exchange("DELETE", "/v2/droplets/" + id, null, TOKEN);
        exchange("GET", "/v2/droplets/" + id, null, TOKEN);

        assertThat(findings).isEmpty();
    }

    @Test
    void errorAnswersMatchTheDocument() throws Exception {
        exchange("GET", "/v2/droplets/1", null, "wrong-token");
        exchange(
                "POST",
                "/v2/droplets",
                new JsonObject()
                        .put("name", "rm-contract")
                        .put("size", "s-1vcpu-1gb")
                        .put("image", "windows-95")
                        .encode(),
                TOKEN);

        assertThat(findings).isEmpty();
    }

    private HttpResponse<String> exchange(String method, String pathAndQuery, String body, String token)
            throws Exception {
        URI uri = URI.create(api.baseUrl() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        openApi.errors(method, uri, body, response)
                .forEach(error ->
                        findings.add(method + " " + pathAndQuery + " -> " + response.statusCode() + ": " + error));
        return response;
    }
}
