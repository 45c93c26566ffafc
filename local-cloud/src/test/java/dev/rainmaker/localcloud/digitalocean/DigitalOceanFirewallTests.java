package dev.rainmaker.localcloud.digitalocean;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigitalOceanFirewallTests {

    private static final String TOKEN = "dop_v1_firewalls";

    private DigitalOceanStandIn api;
    private StandInHttp http;

    @BeforeEach
    void start() throws Exception {
        api = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(100))
                .hostProvider(new LoopbackHosts())
                .build()
                .start();
        http = new StandInHttp(api, TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aFirewallByTagIsCreatedWaitingThenReadListedAndDeleted() throws Exception {
        assertThat(http.post("/v2/tags", new JsonObject().put("name", "rainmaker"))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> created = http.post("/v2/firewalls", StandInHttp.firewallBody("rainmaker-web"));

        assertThat(created.statusCode()).isEqualTo(202);
        JsonObject firewall = new JsonObject(created.body()).getJsonObject("firewall");
        assertThat(firewall.getString("status")).isEqualTo("waiting");
        assertThat(firewall.getJsonArray("tags")).containsExactly("rainmaker");
        String id = firewall.getString("id");
        assertThat(new JsonObject(http.get("/v2/firewalls/" + id).body())
                        .getJsonObject("firewall")
                        .getString("status"))
                .isEqualTo("succeeded");
        JsonObject list = new JsonObject(http.get("/v2/firewalls?per_page=200").body());
        assertThat(list.getJsonArray("firewalls")).hasSize(1);
        assertThat(list.getJsonObject("meta").getInteger("total")).isEqualTo(1);
        assertThat(api.firewalls()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("rainmaker-web");
            assertThat(f.inboundRules()).extracting(StandInFirewallRule::ports).containsExactly("22", "80", "443");
            assertThat(f.outboundRules()).extracting(StandInFirewallRule::ports).containsOnly("0");
        });

        assertThat(http.delete("/v2/firewalls/" + id).statusCode()).isEqualTo(204);
        assertThat(http.get("/v2/firewalls/" + id).statusCode()).isEqualTo(404);
        assertThat(http.delete("/v2/firewalls/" + id).statusCode()).isEqualTo(404);
        assertThat(api.firewalls()).isEmpty();
    }

    @Test
    void aTagExistsOnceADropletCarriedIt() throws Exception {
        assertThat(http.post("/v2/firewalls", StandInHttp.firewallBody("too-early"))
                        .statusCode())
                .isEqualTo(422);
        http.post("/v2/droplets", StandInHttp.dropletBody("acme"));

        assertThat(http.post("/v2/firewalls", StandInHttp.firewallBody("in-time"))
                        .statusCode())
                .isEqualTo(202);
        JsonObject tag = new JsonObject(http.get("/v2/tags/rainmaker").body()).getJsonObject("tag");
        assertThat(tag.getJsonObject("resources").getJsonObject("droplets").getInteger("count"))
                .isEqualTo(1);
    }

    @Test
    void aSecondFirewallWithTheSameNameIsAConflict() throws Exception {
        http.post("/v2/tags", new JsonObject().put("name", "rainmaker"));
        http.post("/v2/firewalls", StandInHttp.firewallBody("rainmaker-web"));

        HttpResponse<String> again = http.post("/v2/firewalls", StandInHttp.firewallBody("rainmaker-web"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(again.body()).getString("message")).isEqualTo("duplicate name");
        assertThat(api.firewalls()).hasSize(1);
    }

    @Test
    void whatDigitalOceanWouldRefuseIsUnprocessable() throws Exception {
        http.post("/v2/tags", new JsonObject().put("name", "rainmaker"));
        JsonObject noName = StandInHttp.firewallBody("x");
        noName.remove("name");
        JsonObject noRules = new JsonObject().put("name", "empty");
        JsonObject badPorts = StandInHttp.firewallBody("ports");
        badPorts.getJsonArray("inbound_rules").getJsonObject(0).put("ports", "all");
        JsonObject badAddress = StandInHttp.firewallBody("address");
        badAddress
                .getJsonArray("inbound_rules")
                .getJsonObject(0)
                .put("sources", new JsonObject().put("addresses", new JsonArray().add("example.com")));
        JsonObject noSources = StandInHttp.firewallBody("sources");
        noSources.getJsonArray("inbound_rules").getJsonObject(0).remove("sources");
        JsonObject badProtocol = StandInHttp.firewallBody("protocol");
        badProtocol.getJsonArray("inbound_rules").getJsonObject(0).put("protocol", "sctp");

        for (JsonObject body : new JsonObject[] {noName, noRules, badPorts, badAddress, noSources, badProtocol}) {
            HttpResponse<String> refused = http.post("/v2/firewalls", body);
            assertThat(refused.statusCode()).as(body.encode()).isEqualTo(422);
            assertThat(new JsonObject(refused.body()).getString("id")).isEqualTo("unprocessable_entity");
        }
        assertThat(api.firewalls()).isEmpty();
    }
}
