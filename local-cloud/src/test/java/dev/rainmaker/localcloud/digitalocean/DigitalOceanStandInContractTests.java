package dev.rainmaker.localcloud.digitalocean;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every request sent here and every answer of the stand-in, as recorded by the stand-in itself, must match
 * DigitalOcean's OpenAPI document.
 */
class DigitalOceanStandInContractTests {

    private static final String TOKEN = "dop_v1_contract";

    private static OpenApiContract contract;
    private static DigitalOceanStandIn api;
    private static StandInHttp http;

    @BeforeAll
    static void start() {
        Optional<Path> document = OpenApiContract.locate();
        assumeTrue(
                document.isPresent(),
                "DigitalOcean's OpenAPI document (shared/digitalocean/openapi-bundled.yaml beside the repository)"
                        + " was not found: the contract checks are skipped");
        contract = OpenApiContract.load(document.get());
        api = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(200))
                .hostProvider(new LoopbackHosts())
                .build()
                .start()
                .recordExchanges(true);
        http = new StandInHttp(api, TOKEN);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void forgetEarlierExchanges() {
        api.clearRecords();
        api.faults().clear();
    }

    @Test
    void theAccountAndCatalogueAnswersMatchTheDocument() throws Exception {
        http.get("/v2/account");
        http.get("/v2/account/keys");
        http.get("/v2/sizes?per_page=2");
        http.get("/v2/sizes?per_page=2&page=2");
        http.get("/v2/regions");
        http.get("/v2/images?type=distribution&per_page=200");

        assertThat(api.exchanges()).hasSize(6);
        assertThat(contract.violations(api.exchanges())).isEmpty();
    }

    @Test
    void aDropletsWholeLifeMatchesTheDocument() throws Exception {
        JsonObject created = new JsonObject(
                http.post("/v2/droplets", StandInHttp.dropletBody("contract")).body());
        long id = created.getJsonObject("droplet").getLong("id");
        long actionId = created.getJsonObject("links")
                .getJsonArray("actions")
                .getJsonObject(0)
                .getLong("id");

        http.get("/v2/droplets/" + id);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.droplets().stream()
                        .filter(d -> d.id() == id)
                        .allMatch(d -> d.status().equals("active")));
        http.get("/v2/droplets/" + id);
        http.get("/v2/droplets?tag_name=rainmaker-customer-contract&per_page=200");
        http.get("/v2/droplets?name=rm-contract");
        http.get("/v2/actions/" + actionId);
        http.delete("/v2/droplets/" + id);
        http.get("/v2/droplets/" + id);

        assertThat(contract.violations(api.exchanges())).isEmpty();
    }

    @Test
    void aBatchCreateItsPagesAndADeleteByTagMatchTheDocument() throws Exception {
        JsonObject batch = StandInHttp.dropletBody("batch").copy();
        batch.remove("name");
        batch.put("names", new JsonArray(List.of("rm-b1", "rm-b2", "rm-b3")));

        http.post("/v2/droplets", batch);
        String next = new JsonObject(http.get("/v2/droplets?tag_name=rainmaker-customer-batch&per_page=2")
                        .body())
                .getJsonObject("links")
                .getJsonObject("pages")
                .getString("next");
        http.get(next);
        http.delete("/v2/droplets?tag_name=rainmaker-customer-batch");

        assertThat(api.exchanges()).extracting(Exchange::status).containsExactly(202, 200, 200, 204);
        assertThat(contract.violations(api.exchanges())).isEmpty();
    }

    @Test
    void firewallsAndTagsMatchTheDocument() throws Exception {
        http.post("/v2/tags", new JsonObject().put("name", "rainmaker"));
        http.get("/v2/tags/rainmaker");
        String id = new JsonObject(http.post("/v2/firewalls", StandInHttp.firewallBody("rainmaker-contract"))
                        .body())
                .getJsonObject("firewall")
                .getString("id");
        http.get("/v2/firewalls?per_page=20");
        http.get("/v2/firewalls/" + id);
        http.post("/v2/firewalls", StandInHttp.firewallBody("rainmaker-contract"));
        http.delete("/v2/firewalls/" + id);
        http.get("/v2/firewalls/" + id);

        assertThat(api.exchanges())
                .extracting(Exchange::status)
                .containsExactly(201, 200, 202, 200, 200, 409, 204, 404);
        assertThat(contract.violations(api.exchanges())).isEmpty();
    }

    @Test
    void untaggingDropletsMatchesTheDocument() throws Exception {
        long id = new JsonObject(http.post(
                                "/v2/droplets",
                                StandInHttp.dropletBody("untag")
                                        .put(
                                                "tags",
                                                new JsonArray().add("rainmaker").add("rainmaker-booting")))
                        .body())
                .getJsonObject("droplet")
                .getLong("id");
        JsonObject resources = new JsonObject()
                .put(
                        "resources",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("resource_id", String.valueOf(id))
                                        .put("resource_type", "droplet")));

        http.send("DELETE", "/v2/tags/rainmaker-booting/resources", resources.encode());
        http.send("DELETE", "/v2/tags/never-used/resources", resources.encode());

        assertThat(api.exchanges()).extracting(Exchange::status).containsExactly(202, 204, 404);
        assertThat(contract.violations(api.exchanges())).isEmpty();
        assertThat(contract.requestViolations(
                        "DELETE",
                        "/v2/tags/rainmaker-booting/resources",
                        new JsonObject()
                                .put(
                                        "resources",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("resource_id", String.valueOf(id))
                                                        .put("resource_type", "server")))
                                .encode()))
                .as("a resource type DigitalOcean does not know")
                .isNotEmpty();
    }

    @Test
    void errorAnswersMatchTheDocument() throws Exception {
        new StandInHttp(api, "wrong-token").get("/v2/droplets/1");
        http.post("/v2/droplets", StandInHttp.dropletBody("contract").put("image", "windows-95"));
        api.faults().rateLimitStorm(Duration.ofMinutes(1));
        http.get("/v2/droplets");
        http.post("/v2/droplets", StandInHttp.dropletBody("storm"));
        api.faults().rateLimitStorm(Duration.ZERO).serverErrors(1, 7);
        http.get("/v2/droplets?tag_name=rainmaker");
        http.post("/v2/firewalls", new JsonObject().put("name", "no-rules"));

        assertThat(api.exchanges()).extracting(Exchange::status).containsExactly(401, 422, 429, 429, 500, 500);
        assertThat(contract.violations(api.exchanges())).isEmpty();
    }

    @Test
    void aLostAnswerIsRecordedWithoutOneAndItsRequestStillChecked() throws Exception {
        api.faults().loseCreateResponses(1);

        try {
            http.post("/v2/droplets", StandInHttp.dropletBody("lost"));
        } catch (java.io.IOException expected) {
            // the connection was closed without an answer
        }

        assertThat(api.exchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.requestHeaders()).containsEntry("authorization", "Bearer <token>");
        });
        assertThat(contract.violations(api.exchanges())).isEmpty();
    }

    @Test
    void theContractCatchesWhatDigitalOceanWouldSilentlyIgnoreOrRefuse() {
        String misspelt = StandInHttp.dropletBody("typo")
                .put("user-data", "#cloud-config\n")
                .encode();

        assertThat(contract.requestViolations("POST", "/v2/droplets", misspelt))
                .anySatisfy(violation -> assertThat(violation).contains("user-data"));
        assertThat(contract.requestViolations("POST", "/v2/droplets", null)).contains("request body is missing");
        assertThat(contract.requestViolations("GET", "/v2/droplets?per_page=201", null))
                .isNotEmpty();
        assertThat(contract.requestViolations(
                        "POST", "/v2/droplets", StandInHttp.dropletBody("fine").encode()))
                .isEmpty();
    }
}
