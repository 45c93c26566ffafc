package dev.rainmaker.localcloud.digitalocean;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DigitalOceanStandInTests {

    private static final String TOKEN = "dop_v1_test";

    private final HttpClient http = HttpClient.newHttpClient();
    private final LoopbackHosts hosts = new LoopbackHosts();
    private DigitalOceanStandIn api;

    @BeforeEach
    void start() {
        api = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(300))
                .hostProvider(hosts)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aCreatedDropletIsNewWithoutNetworksThenActiveWithTheAddressItsHostBootedOn() throws Exception {
        HttpResponse<String> created = post("/v2/droplets", createBody("rm-acme-42", "fra1", "s-1vcpu-1gb"));

        assertThat(created.statusCode()).isEqualTo(202);
        JsonObject body = new JsonObject(created.body());
        JsonObject droplet = body.getJsonObject("droplet");
        assertThat(droplet.getString("status")).isEqualTo("new");
        assertThat(droplet.getJsonObject("networks").getJsonArray("v4")).isEmpty();
        JsonObject actionLink =
                body.getJsonObject("links").getJsonArray("actions").getJsonObject(0);
        assertThat(actionLink.getString("rel")).isEqualTo("create");
        assertThat(created.headers().firstValue("ratelimit-limit")).contains("5000");
        assertThat(created.headers().firstValue("ratelimit-remaining")).isPresent();
        assertThat(created.headers().firstValue("ratelimit-reset")).isPresent();

        long id = droplet.getLong("id");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> new JsonObject(get("/v2/droplets/" + id).body())
                        .getJsonObject("droplet")
                        .getString("status")
                        .equals("active"));

        JsonObject active = new JsonObject(get("/v2/droplets/" + id).body()).getJsonObject("droplet");
        JsonObject network = active.getJsonObject("networks").getJsonArray("v4").getJsonObject(0);
        assertThat(network.getString("type")).isEqualTo("public");
        assertThat(network.getString("ip_address")).isEqualTo("127.10.0.1");
        JsonObject action =
                new JsonObject(get("/v2/actions/" + actionLink.getLong("id")).body()).getJsonObject("action");
        assertThat(action.getString("status")).isEqualTo("completed");
        assertThat(hosts.booted).singleElement().satisfies(spec -> {
            assertThat(spec.dropletId()).isEqualTo(id);
            assertThat(spec.userData()).isEqualTo("#cloud-config\n");
        });
        assertThat(api.droplets())
                .singleElement()
                .satisfies(d -> assertThat(d.tags()).containsExactly("rainmaker", "rainmaker-customer-acme-42"));
    }

    @Test
    void dropletsAreFoundByTagAndByNameAndListedPageByPage() throws Exception {
        for (int i = 1; i <= 3; i++) {
            post("/v2/droplets", createBody("rm-acme-" + i, "nyc3", "s-1vcpu-2gb"));
        }

        JsonObject tagged = new JsonObject(
                get("/v2/droplets?tag_name=rainmaker-customer-acme-2").body());
        assertThat(tagged.getJsonArray("droplets")).hasSize(1);
        assertThat(tagged.getJsonArray("droplets").getJsonObject(0).getString("name"))
                .isEqualTo("rm-acme-2");
        assertThat(new JsonObject(get("/v2/droplets?name=rm-acme-3").body())
                        .getJsonObject("meta")
                        .getInteger("total"))
                .isEqualTo(1);
        assertThat(new JsonObject(get("/v2/droplets?tag_name=rainmaker-customer-nobody")
                                .body())
                        .getJsonArray("droplets"))
                .isEmpty();

        JsonObject firstPage =
                new JsonObject(get("/v2/droplets?tag_name=rainmaker&per_page=2").body());
        assertThat(firstPage.getJsonArray("droplets")).hasSize(2);
        assertThat(firstPage.getJsonObject("meta").getInteger("total")).isEqualTo(3);
        String next = firstPage.getJsonObject("links").getJsonObject("pages").getString("next");
        assertThat(next).startsWith(api.baseUrl() + "/v2/droplets?").contains("tag_name=rainmaker", "page=2");
        JsonObject secondPage =
                new JsonObject(send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + TOKEN))
                        .body());
        assertThat(secondPage.getJsonArray("droplets")).hasSize(1);
        assertThat(secondPage.getJsonObject("links").getJsonObject("pages").getString("first"))
                .contains("page=1");
    }

    @Test
    void aRequestWithoutTheAcceptedTokenIsUnauthorizedAndCounted() throws Exception {
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v2/account"))
                .header("Authorization", "Bearer wrong"));
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v2/sizes")));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(wrong.body()))
                .isEqualTo(new JsonObject().put("id", "unauthorized").put("message", "Unable to authenticate you"));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(api.apiCalls("wrong")).isEqualTo(1);
        assertThat(api.apiCalls("")).isEqualTo(1);
        assertThat(api.apiCalls(TOKEN)).isZero();
    }

    @Test
    void theCatalogueListsSizesRegionsAndDistributionImages() throws Exception {
        JsonArray sizes = new JsonObject(get("/v2/sizes").body()).getJsonArray("sizes");
        JsonArray regions = new JsonObject(get("/v2/regions").body()).getJsonArray("regions");
        JsonArray images = new JsonObject(get("/v2/images?type=distribution").body()).getJsonArray("images");

        assertThat(sizes.stream().map(s -> ((JsonObject) s).getString("slug")))
                .containsExactly("s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb");
        assertThat(sizes.getJsonObject(0).getDouble("price_monthly")).isEqualTo(6.0);
        assertThat(regions.stream().map(r -> ((JsonObject) r).getString("slug")))
                .contains("nyc3", "fra1", "ams3", "sgp1");
        assertThat(images.stream().map(i -> ((JsonObject) i).getString("slug")))
                .containsExactly("debian-12-x64", "ubuntu-24-04-x64", "rocky-9-x64");
        assertThat(new JsonObject(get("/v2/account").body())
                        .getJsonObject("account")
                        .getString("status"))
                .isEqualTo("active");
        assertThat(api.apiCalls(TOKEN)).isEqualTo(4);
    }

    @Test
    void whatDigitalOceanWouldRefuseIsUnprocessable() throws Exception {
        assertUnprocessable(createBody("rm-acme", "fra1", "s-64vcpu-1tb"), "invalid size");
        assertUnprocessable(createBody("rm-acme", "mars1", "s-1vcpu-1gb"), "invalid region");
        assertUnprocessable(createBody("rm-acme", "sgp1", "s-2vcpu-4gb"), "not available in this region");
        assertUnprocessable(createBody("rm-acme", "fra1", "s-1vcpu-1gb").put("image", "windows-95"), "invalid image");
        assertUnprocessable(createBody("rm acme!", "fra1", "s-1vcpu-1gb"), "hostname characters");
        assertUnprocessable(
                createBody("rm-acme", "fra1", "s-1vcpu-1gb").put("user_data", "x".repeat(64 * 1024 + 1)), "64 KiB");

        assertThat(api.droplets()).isEmpty();
        assertThat(hosts.booted).isEmpty();
    }

    @Test
    void aDeletedDropletIsGoneAndItsHostDestroyed() throws Exception {
        long id = new JsonObject(post("/v2/droplets", createBody("rm-acme-42", "fra1", "s-1vcpu-1gb"))
                        .body())
                .getJsonObject("droplet")
                .getLong("id");

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v2/droplets/" + id))
                .DELETE()
                .header("Authorization", "Bearer " + TOKEN));

        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = get("/v2/droplets/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(gone.body()).getString("id")).isEqualTo("not_found");
        assertThat(api.droplets()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> hosts.destroyed.contains(id));
    }

    private void assertUnprocessable(JsonObject body, String messagePart) throws Exception {
        HttpResponse<String> response = post("/v2/droplets", body);
        assertThat(response.statusCode()).as(body.getString("name")).isEqualTo(422);
        JsonObject error = new JsonObject(response.body());
        assertThat(error.getString("id")).isEqualTo("unprocessable_entity");
        assertThat(error.getString("message")).contains(messagePart);
    }

    private static JsonObject createBody(String name, String region, String size) {
        return new JsonObject()
                .put("name", name)
                .put("region", region)
                .put("size", size)
                .put("image", "debian-12-x64")
                .put("monitoring", true)
                .put("tags", new JsonArray().add("rainmaker").add("rainmaker-customer-" + name.substring(3)))
                .put("user_data", "#cloud-config\n");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN));
    }

    private HttpResponse<String> post(String path, JsonObject body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
