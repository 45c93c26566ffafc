package dev.rainmaker.localcloud.digitalocean;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DigitalOceanFaultTests {

    private static final String TOKEN = "dop_v1_faults";

    private DigitalOceanStandIn api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aStormAnswersEveryRequest429WithRetryAfterUntilItEnds() throws Exception {
        StandInHttp http = start(new Faults().rateLimitStorm(Duration.ofMinutes(5)));

        HttpResponse<String> during = http.get("/v2/account");
        api.faults().rateLimitStorm(Duration.ZERO);
        HttpResponse<String> after = http.get("/v2/account");

        assertThat(during.statusCode()).isEqualTo(429);
        assertThat(new JsonObject(during.body()).getString("id")).isEqualTo("too_many_requests");
        assertThat(during.headers().firstValue("retry-after").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(299L, 300L));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(api.rateLimited(TOKEN)).isEqualTo(1);
    }

    @Test
    void aShareOfServerErrorsIsReproducibleFromItsSeed() throws Exception {
        StandInHttp http = start(new Faults());

        List<Integer> first = statuses(http, 0.5, 42);
        List<Integer> second = statuses(http, 0.5, 42);

        assertThat(first).isEqualTo(second).contains(200, 500).containsOnly(200, 500);
        api.faults().serverErrors(1, 1);
        HttpResponse<String> error = http.get("/v2/account");
        assertThat(new JsonObject(error.body()))
                .isEqualTo(new JsonObject().put("id", "server_error").put("message", "Unexpected server-side error"));
        api.faults().clear();
        assertThat(http.get("/v2/account").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        StandInHttp http = start(new Faults().latency(Duration.ofMillis(300)));

        long started = System.nanoTime();
        assertThat(http.get("/v2/account").statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aLostCreateResponseClosesTheConnectionButTheDropletExistsAndBoots() throws Exception {
        StandInHttp http = start(new Faults());
        api.faults().loseCreateResponses(1);

        assertThatThrownBy(() -> http.post("/v2/droplets", StandInHttp.dropletBody("lost")))
                .isInstanceOf(IOException.class);
        HttpResponse<String> next = http.post("/v2/droplets", StandInHttp.dropletBody("answered"));

        assertThat(next.statusCode()).isEqualTo(202);
        assertThat(api.droplets()).extracting(StandInDroplet::name).containsExactly("rm-lost", "rm-answered");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.droplets().stream().allMatch(d -> d.status().equals("active")));
    }

    @Test
    void aDropletStuckInNewNeverBecomesActiveWhileTheNextDoes() throws Exception {
        StandInHttp http = start(new Faults().stickInNew(1));

        long stuck = id(http.post("/v2/droplets", StandInHttp.dropletBody("stuck")));
        long fine = id(http.post("/v2/droplets", StandInHttp.dropletBody("fine")));

        await().atMost(Duration.ofSeconds(5)).until(() -> status(http, fine).equals("active"));
        Thread.sleep(300);
        assertThat(status(http, stuck)).isEqualTo("new");
    }

    @Test
    void aNewDropletIsNotFoundByIdForAWhileButListedByTag() throws Exception {
        StandInHttp http = start(new Faults().notFoundAfterCreate(Duration.ofMillis(700)));

        long id = id(http.post("/v2/droplets", StandInHttp.dropletBody("late")));

        assertThat(http.get("/v2/droplets/" + id).statusCode()).isEqualTo(404);
        assertThat(new JsonObject(http.get("/v2/droplets?tag_name=rainmaker-customer-late")
                                .body())
                        .getJsonArray("droplets"))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(3))
                .until(() -> http.get("/v2/droplets/" + id).statusCode() == 200);
    }

    private List<Integer> statuses(StandInHttp http, double share, long seed) throws Exception {
        api.faults().serverErrors(share, seed);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(http.get("/v2/account").statusCode());
        }
        return statuses;
    }

    private static long id(HttpResponse<String> created) {
        return new JsonObject(created.body()).getJsonObject("droplet").getLong("id");
    }

    private static String status(StandInHttp http, long id) throws Exception {
        return new JsonObject(http.get("/v2/droplets/" + id).body())
                .getJsonObject("droplet")
                .getString("status");
    }

    private StandInHttp start(Faults faults) {
        api = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(100))
                .hostProvider(new LoopbackHosts())
                .faults(faults)
                .build()
                .start();
        return new StandInHttp(api, TOKEN);
    }
}
