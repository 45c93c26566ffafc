package dev.rainmaker.localcloud.digitalocean;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DigitalOceanBatchAndTagTests {

    private static final String TOKEN = "dop_v1_batch";

    private final LoopbackHosts hosts = new LoopbackHosts();
    private DigitalOceanStandIn api;
    private StandInHttp http;

    @BeforeEach
    void start() {
        api = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(100))
                .hostProvider(hosts)
                .limits(DigitalOceanLimits.off())
                .build()
                .start();
        http = new StandInHttp(api, TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void namesCreateOneDropletEachWithTheSameTagsAndUserDataAndOneCreateActionEach() throws Exception {
        JsonObject body = StandInHttp.dropletBody("batch").copy();
        body.remove("name");
        body.put("names", new JsonArray(List.of("rm-a", "rm-b", "rm-c")));

        HttpResponse<String> created = http.post("/v2/droplets", body);

        assertThat(created.statusCode()).isEqualTo(202);
        JsonObject answer = new JsonObject(created.body());
        assertThat(answer.containsKey("droplet")).isFalse();
        JsonArray droplets = answer.getJsonArray("droplets");
        assertThat(droplets.stream().map(d -> ((JsonObject) d).getString("name")))
                .containsExactly("rm-a", "rm-b", "rm-c");
        JsonArray actions = answer.getJsonObject("links").getJsonArray("actions");
        assertThat(actions).hasSize(3);
        assertThat(actions.stream().map(a -> ((JsonObject) a).getString("rel"))).containsOnly("create");
        assertThat(api.droplets()).allSatisfy(d -> {
            assertThat(d.tags()).containsExactly("rainmaker", "rainmaker-customer-batch");
            assertThat(d.userData()).isEqualTo("#cloud-config\n");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> hosts.booted.size() == 3);
    }

    @Test
    void moreThanTenNamesOrNameWithNamesIsUnprocessableAndCreatesNothing() throws Exception {
        JsonObject eleven = StandInHttp.dropletBody("many").copy();
        eleven.remove("name");
        eleven.put(
                "names",
                new JsonArray(
                        IntStream.rangeClosed(1, 11).mapToObj(i -> "rm-" + i).toList()));
        JsonObject both = StandInHttp.dropletBody("both").put("names", new JsonArray().add("rm-x"));
        JsonObject badName = StandInHttp.dropletBody("bad").copy();
        badName.remove("name");
        badName.put("names", new JsonArray().add("rm-ok").add("rm_not ok"));

        assertThat(http.post("/v2/droplets", eleven).statusCode()).isEqualTo(422);
        assertThat(new JsonObject(http.post("/v2/droplets", eleven).body()).getString("message"))
                .contains("up to 10");
        assertThat(http.post("/v2/droplets", both).statusCode()).isEqualTo(422);
        assertThat(http.post("/v2/droplets", badName).statusCode()).isEqualTo(422);
        assertThat(api.droplets()).isEmpty();
    }

    @Test
    void deletingByTagRemovesEveryDropletWithTheTagAndDestroysTheirHosts() throws Exception {
        http.post("/v2/droplets", StandInHttp.dropletBody("one"));
        http.post("/v2/droplets", StandInHttp.dropletBody("two"));
        http.post("/v2/droplets", StandInHttp.dropletBody("three").put("tags", new JsonArray().add("other")));
        await().atMost(Duration.ofSeconds(5)).until(() -> hosts.booted.size() == 3);

        HttpResponse<String> deleted = http.delete("/v2/droplets?tag_name=rainmaker");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.droplets()).extracting(StandInDroplet::name).containsExactly("rm-three");
        await().atMost(Duration.ofSeconds(5)).until(() -> hosts.destroyed.size() == 2);
        assertThat(http.delete("/v2/droplets?tag_name=rainmaker").statusCode())
                .as("the tag outlives its droplets")
                .isEqualTo(204);
        assertThat(http.delete("/v2/droplets?tag_name=never-used").statusCode()).isEqualTo(404);
        assertThat(http.delete("/v2/droplets").statusCode()).isEqualTo(422);
    }

    @Test
    void untaggingResourcesRemovesTheTagFromTheListedDropletsOnlyAndKeepsTheTag() throws Exception {
        long one = createdId(
                http.post("/v2/droplets", StandInHttp.dropletBody("one").put("tags", new JsonArray().add("booting"))));
        long two = createdId(
                http.post("/v2/droplets", StandInHttp.dropletBody("two").put("tags", new JsonArray().add("booting"))));
        JsonObject untagOne = new JsonObject()
                .put(
                        "resources",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("resource_id", String.valueOf(one))
                                        .put("resource_type", "droplet"))
                                .add(new JsonObject().put("resource_id", "999").put("resource_type", "droplet"))
                                .add(new JsonObject()
                                        .put("resource_id", "vol-1")
                                        .put("resource_type", "volume")));

        HttpResponse<String> untagged = http.send("DELETE", "/v2/tags/booting/resources", untagOne.encode());

        assertThat(untagged.statusCode()).isEqualTo(204);
        assertThat(untagged.body()).isEmpty();
        JsonArray stillBooting =
                new JsonObject(http.get("/v2/droplets?tag_name=booting").body()).getJsonArray("droplets");
        assertThat(stillBooting.stream().map(d -> ((JsonObject) d).getLong("id")))
                .containsExactly(two);
        assertThat(api.droplets())
                .filteredOn(d -> d.id() == one)
                .singleElement()
                .satisfies(d -> assertThat(d.tags()).isEmpty());
        assertThat(http.send("DELETE", "/v2/tags/booting/resources", untagOne.encode())
                        .statusCode())
                .as("untagging again changes nothing")
                .isEqualTo(204);
        assertThat(http.get("/v2/tags/booting").statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/v2/tags/never-used/resources", untagOne.encode())
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.send(
                                "DELETE",
                                "/v2/tags/booting/resources",
                                new JsonObject()
                                        .put(
                                                "resources",
                                                new JsonArray()
                                                        .add(new JsonObject()
                                                                .put("resource_id", two)
                                                                .put("resource_type", "droplet")))
                                        .encode())
                        .statusCode())
                .as("a resource_id that is not a string")
                .isEqualTo(422);
        assertThat(http.send("DELETE", "/v2/tags/booting/resources", null).statusCode())
                .isEqualTo(422);
    }

    private static long createdId(HttpResponse<String> created) {
        return new JsonObject(created.body()).getJsonObject("droplet").getLong("id");
    }

    @Test
    void perPageAbove200IsServedAs200AndPagesLinkToEachOther() throws Exception {
        for (int start = 0; start < 210; start += 10) {
            JsonObject body = StandInHttp.dropletBody("page").copy();
            body.remove("name");
            int from = start;
            body.put(
                    "names",
                    new JsonArray(IntStream.range(from, from + 10)
                            .mapToObj(i -> "rm-p" + i)
                            .toList()));
            assertThat(http.post("/v2/droplets", body).statusCode()).isEqualTo(202);
        }

        JsonObject first = new JsonObject(
                http.get("/v2/droplets?tag_name=rainmaker&per_page=500").body());
        JsonObject pages = first.getJsonObject("links").getJsonObject("pages");
        JsonObject second = new JsonObject(http.get(pages.getString("next")).body());
        JsonObject beyond =
                new JsonObject(http.get("/v2/droplets?per_page=200&page=3").body());

        assertThat(first.getJsonArray("droplets")).hasSize(200);
        assertThat(first.getJsonObject("meta").getInteger("total")).isEqualTo(210);
        assertThat(pages.fieldNames()).containsExactlyInAnyOrder("next", "last");
        assertThat(pages.getString("last")).contains("tag_name=rainmaker", "page=2", "per_page=200");
        assertThat(second.getJsonArray("droplets")).hasSize(10);
        assertThat(second.getJsonObject("links").getJsonObject("pages").fieldNames())
                .containsExactlyInAnyOrder("first", "prev");
        assertThat(beyond.getJsonArray("droplets")).isEmpty();
        assertThat(new JsonObject(http.get("/v2/droplets?name=RM-P7").body()).getJsonArray("droplets"))
                .as("name filter is exact and case-insensitive")
                .hasSize(1);
        assertThat(http.get("/v2/droplets?tag_name=rainmaker&name=rm-p7").statusCode())
                .isEqualTo(422);
    }

    @Test
    void unknownFieldsAndQueryParametersAreIgnoredAsDigitalOceanDoesButWarnedAbout() throws Exception {
        JsonObject misspelt = StandInHttp.dropletBody("typo").copy();
        String userData = (String) misspelt.remove("user_data");
        misspelt.put("user-data", userData);

        HttpResponse<String> created = http.post("/v2/droplets", misspelt);
        JsonObject everyone = new JsonObject(
                http.get("/v2/droplets?tag=rainmaker-customer-typo").body());

        assertThat(created.statusCode()).isEqualTo(202);
        assertThat(api.droplets())
                .singleElement()
                .satisfies(d -> assertThat(d.userData()).isNull());
        assertThat(everyone.getJsonArray("droplets")).hasSize(1);
        assertThat(api.requestWarnings())
                .containsExactly(
                        new RequestWarning(
                                "POST /v2/droplets", "unknown field 'user-data' ignored, as DigitalOcean ignores it"),
                        new RequestWarning(
                                "GET /v2/droplets",
                                "unknown query parameter 'tag' ignored, as DigitalOcean ignores it"));
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreBadRequestsAndMissingBodiesUnprocessable() throws Exception {
        assertThat(http.send("POST", "/v2/droplets", "not json").statusCode()).isEqualTo(400);
        assertThat(http.send("POST", "/v2/droplets", "[1]").statusCode()).isEqualTo(400);
        assertThat(http.send("POST", "/v2/droplets", null).statusCode()).isEqualTo(422);
    }

    @Test
    void callsAreCountedPerEndpointWithIdsAsPlaceholders() throws Exception {
        long id = new JsonObject(http.post("/v2/droplets", StandInHttp.dropletBody("count"))
                        .body())
                .getJsonObject("droplet")
                .getLong("id");
        http.get("/v2/droplets/" + id);
        http.get("/v2/droplets/" + id);
        http.get("/v2/droplets?tag_name=rainmaker");

        assertThat(api.callsPerEndpoint())
                .containsEntry("POST /v2/droplets", 1L)
                .containsEntry("GET /v2/droplets/{id}", 2L)
                .containsEntry("GET /v2/droplets", 1L);
        api.clearRecords();
        assertThat(api.callsPerEndpoint()).isEmpty();
        assertThat(api.apiCalls(TOKEN)).isZero();
    }
}
